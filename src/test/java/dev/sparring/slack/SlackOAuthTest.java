package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.sparring.app.HttpServer;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole Slack install as a browser walks it, over real HTTP to the embedded Jetty: {@code
 * /slack/install} sends it to Slack's authorize page with a state and a cookie, the test plays
 * Slack and sends the browser back with a code, the stand-in answers {@code oauth.v2.access}, and
 * the browser sees a page. Then the installed workspaces (a workspace, a Grid workspace, an
 * org-wide Grid install) each work with their own token.
 */
class SlackOAuthTest {

  private static final String SECRET = "oauth-signing-secret";
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String PUBLIC = "http://sparring.test";
  private static final String AUTHORIZE = "https://slack.test/oauth/v2/authorize";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private final HttpClient slackSide = HttpClient.newHttpClient();
  private SlackApiStandIn api;
  private Bot bot;
  private SlackAdapter adapter;
  private OutboxDispatcher dispatcher;
  private HttpServer http;
  private int triggers;
  private int events;

  private void start(String publicUrl) throws Exception {
    api = new SlackApiStandIn();
    bot = new Bot(store, clock, Features.all(), Set.of());
    SlackSettings settings =
        new SlackSettings(SECRET, null, "111.222", "client-secret", null, api.url(), 0, false)
            .withOAuth(publicUrl, AUTHORIZE, KEY);
    adapter = new SlackAdapter(settings, bot, store, clock).start();
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(adapter.gateway()), OutboxDispatcher.Settings.defaults(), "t");
    http = new HttpServer(0, adapter.servlets(), () -> true);
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (adapter != null) {
      adapter.close();
    }
    if (api != null) {
      api.close();
    }
  }

  // ---- the browser

  /** A browser: keeps cookies, and stops at each redirect so every step can be looked at. */
  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpResponse<String> get(HttpClient browser, String pathAndQuery) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens /slack/install and returns the authorize URL's parameters. */
  private Map<String, String> startInstall(HttpClient browser) throws Exception {
    HttpResponse<String> r = get(browser, "/slack/install");
    assertThat(r.statusCode()).isEqualTo(302);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(AUTHORIZE + "?");
    return query(URI.create(location));
  }

  /** Slack sending the browser back to Sparring. */
  private HttpResponse<String> back(HttpClient browser, String query) throws Exception {
    return get(browser, "/slack/oauth_redirect?" + query);
  }

  private HttpResponse<String> install(String code) throws Exception {
    HttpClient browser = browser();
    String state = startInstall(browser).get("state");
    return back(browser, "code=" + code + "&state=" + state);
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      q.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  /** A page a person reads: HTML with a title, and never a stack trace. */
  private static void assertPage(HttpResponse<String> r, int status, String title) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.body())
        .startsWith("<!DOCTYPE html>")
        .contains("<title>" + title + "</title>")
        .contains("<h1>" + title + "</h1>")
        .doesNotContain("Exception")
        .doesNotContain("at dev.sparring")
        .doesNotContain("xoxb-");
  }

  private List<SlackApiStandIn.Call> exchanges() {
    return api.calls("oauth.v2.access");
  }

  private boolean installed(String enterprise, String team) {
    return new StoreInstallationService(store, new TokenCipher(KEY)).findBot(enterprise, team)
        != null;
  }

  // ---- Slack's side of the workspaces

  private HttpResponse<String> signed(String contentType, String body) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    return slackSide.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/slack/events"))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** /spar as Slack sends it from a workspace, in a Grid org when {@code enterprise} is set. */
  private HttpResponse<String> command(
      String enterprise, String team, String channel, String user, String text) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    if (enterprise != null) {
      f.put("enterprise_id", enterprise);
      f.put("enterprise_name", "Org " + enterprise);
    }
    f.put("team_id", team);
    f.put("channel_id", channel);
    f.put("user_id", user);
    f.put("user_name", user.toLowerCase());
    f.put("command", "/spar");
    f.put("text", text);
    f.put("trigger_id", "trig-" + (++triggers));
    f.put("response_url", api.responseUrl());
    return signed(
        "application/x-www-form-urlencoded",
        f.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  /**
   * An event as Slack sends it to an installation: {@code authorizations} name the installation
   * (for an org-wide one, the org and no workspace), the top level names the workspace.
   */
  private HttpResponse<String> event(
      String name, String enterprise, String team, boolean orgWide, Map<String, String> values)
      throws Exception {
    Map<String, String> v = new LinkedHashMap<>(values);
    v.put("team", team);
    v.putIfAbsent("event_id", "Ev" + (++events));
    ObjectNode payload = (ObjectNode) JSON.readTree(SlackPayloads.json("events", name, v));
    if (name.equals("app_home_opened")) {
      ((ObjectNode) payload.get("event")).put("tab", "home");
    }
    if (enterprise != null) {
      payload.put("enterprise_id", enterprise);
      payload.put("context_enterprise_id", enterprise);
      ObjectNode auth = (ObjectNode) payload.withArray("authorizations").get(0);
      auth.put("enterprise_id", enterprise);
      if (orgWide) {
        auth.putNull("team_id");
        auth.put("is_enterprise_install", true);
      }
    }
    return signed("application/json", JSON.writeValueAsString(payload));
  }

  private void deliver() {
    for (int i = 0; i < 60; i++) {
      dispatcher.drain();
      if (store.transact(tx -> tx.outbox().pending()) == 0) {
        return;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("outbox did not drain");
  }

  /** The token each call of {@code method} to {@code channel} carried. */
  private Set<String> tokensUsed(String method, String channel) {
    return api.calls(method).stream()
        .filter(c -> channel == null || c.get("channel").equals(channel))
        .map(SlackApiStandIn.Call::authorization)
        .collect(Collectors.toSet());
  }

  // ---- tests

  @Test
  void aBrowserInstallsThroughSlackAndTheTokensAreStoredEncrypted() throws Exception {
    start(PUBLIC);
    api.grant("code-t1", null, "T1", "Team <One> & Co", "xoxb-t1-secret");
    HttpClient browser = browser();

    HttpResponse<String> toSlack = get(browser, "/slack/install");
    assertThat(toSlack.statusCode()).isEqualTo(302);
    Map<String, String> authorize =
        query(URI.create(toSlack.headers().firstValue("Location").orElseThrow()));
    assertThat(authorize)
        .containsEntry("client_id", "111.222")
        .containsEntry("scope", SlackAdapter.SCOPES)
        .containsEntry("redirect_uri", PUBLIC + "/slack/oauth_redirect")
        .containsKey("state");
    String state = authorize.get("state");
    assertThat(state).hasSizeGreaterThanOrEqualTo(40);
    String cookie = toSlack.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(SlackOAuthServlet.COOKIE + "=" + state + ";")
        .contains("HttpOnly", "SameSite=Lax", "Max-Age=600", "Path=/slack")
        .doesNotContain("Secure"); // the public URL is http here
    // A second visitor gets a state of their own.
    assertThat(startInstall(browser()).get("state")).isNotEqualTo(state);

    HttpResponse<String> done = back(browser, "code=code-t1&state=" + state);
    assertPage(done, 200, "Sparring is installed");
    assertThat(done.body())
        .contains("Team &lt;One&gt; &amp; Co")
        .doesNotContain("<One>")
        .contains("href=\"https://slack.com/app_redirect?app=A0SPARRING&amp;team=T1\"");
    assertThat(done.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    // The cookie is spent.
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("Max-Age=0"));

    SlackApiStandIn.Call exchange = exchanges().get(0);
    assertThat(exchange.get("code")).isEqualTo("code-t1");
    assertThat(exchange.get("redirect_uri")).isEqualTo(PUBLIC + "/slack/oauth_redirect");
    assertThat(exchange.get("client_id") + " " + exchange.authorization())
        .as("client credentials sent as form fields or Basic auth")
        .containsAnyOf("111.222", "Basic ");
    assertThat(adapter.tokenForTeam("T1")).contains("xoxb-t1-secret");
    assertThat(api.calls("auth.test"))
        .singleElement()
        .satisfies(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-t1-secret"));

    // At rest: neither the bot nor the installer's user token is readable in the store.
    String key = StoreInstallationService.key(null, "T1");
    for (String scope :
        List.of(StoreInstallationService.SCOPE_BOT, StoreInstallationService.SCOPE_INSTALLER)) {
      String raw = store.transact(tx -> tx.kv().get(scope, key)).orElseThrow();
      assertThat(raw).startsWith("v1:").doesNotContain("xoxb-").doesNotContain("xoxp-");
    }
    // A request from the workspace is authorized from the stored installation.
    assertThat(command(null, "T1", "C1", "U1", "help").body()).contains("Sparring commands");
  }

  @Test
  void theSecureCookieFlagFollowsAnHttpsPublicUrl() throws Exception {
    start("https://sparring.example.com");
    HttpResponse<String> r = get(browser(), "/slack/install");
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    assertThat(query(URI.create(r.headers().firstValue("Location").orElseThrow())))
        .containsEntry("redirect_uri", "https://sparring.example.com/slack/oauth_redirect");
  }

  @Test
  void forgedMissingExpiredReplayedAndForeignStatesAreRefusedWithAPageAndInstallNothing()
      throws Exception {
    start(PUBLIC);
    api.grant("code-t1", null, "T1", "One", "xoxb-t1");
    HttpClient victim = browser();
    String state = startInstall(victim).get("state");

    // Missing state.
    assertPage(back(victim, "code=code-t1"), 400, "This install link is incomplete");
    // Forged: a state Sparring never issued, even with a cookie to match it.
    HttpClient forger = browser();
    ((CookieManager) forger.cookieHandler().orElseThrow())
        .getCookieStore()
        .add(URI.create("http://127.0.0.1"), stateCookie("forged-state-value"));
    assertPage(
        back(forger, "code=code-t1&state=forged-state-value"),
        403,
        "This install link was already used or is not valid");
    // From another browser: the state is real, but not this browser's (login CSRF).
    assertPage(
        back(browser(), "code=code-t1&state=" + state),
        403,
        "This install was started in another browser");
    // Hostile text in the parameters is never echoed as markup.
    HttpResponse<String> hostile =
        back(
            browser(),
            "code=%3Cscript%3E&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E&error=%3Cb%3Ex");
    assertThat(hostile.statusCode()).isEqualTo(403);
    assertThat(hostile.body()).doesNotContain("<script>").doesNotContain("<b>");
    assertThat(exchanges()).isEmpty();
    assertThat(installed(null, "T1")).isFalse();

    // The refusals above did not burn the victim's own state: it still finishes, once.
    assertPage(back(victim, "code=code-t1&state=" + state), 200, "Sparring is installed");
    assertThat(exchanges()).hasSize(1);
    // Replayed: the same redirect again (a reload, or someone who saw the URL) changes nothing.
    api.grant("code-t1", null, "T1", "One", "xoxb-other");
    assertPage(
        back(victim, "code=code-t1&state=" + state),
        403,
        "This install was started in another browser"); // the cookie was spent with the state
    ((CookieManager) victim.cookieHandler().orElseThrow())
        .getCookieStore()
        .add(URI.create("http://127.0.0.1"), stateCookie(state));
    assertPage(
        back(victim, "code=code-t1&state=" + state),
        403,
        "This install link was already used or is not valid");
    assertThat(exchanges()).hasSize(1);
    assertThat(adapter.tokenForTeam("T1")).contains("xoxb-t1");

    // Expired: finished after ten minutes.
    api.grant("code-t2", null, "T2", "Two", "xoxb-t2");
    HttpClient slow = browser();
    String late = startInstall(slow).get("state");
    clock.advance(SlackOAuthServlet.STATE_TTL.plusSeconds(1));
    assertPage(back(slow, "code=code-t2&state=" + late), 403, "This install link has expired");
    assertThat(exchanges()).hasSize(1);
    assertThat(installed(null, "T2")).isFalse();
  }

  @Test
  void twoRedirectsRacingWithOneStateInstallOnce() throws Exception {
    start(PUBLIC);
    api.grant("code-t1", null, "T1", "One", "xoxb-t1");
    HttpClient browser = browser();
    String state = startInstall(browser).get("state");
    api.hold("oauth.v2.access"); // the first redirect is mid-exchange when the second arrives
    var first =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return back(browser, "code=code-t1&state=" + state);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> exchanges().size() == 1);
    HttpClient twin = browser();
    ((CookieManager) twin.cookieHandler().orElseThrow())
        .getCookieStore()
        .add(URI.create("http://127.0.0.1"), stateCookie(state));
    assertPage(
        back(twin, "code=code-t1&state=" + state),
        403,
        "This install link was already used or is not valid");
    api.release("oauth.v2.access");
    assertPage(first.get(10, java.util.concurrent.TimeUnit.SECONDS), 200, "Sparring is installed");
    assertThat(exchanges()).hasSize(1);
  }

  private static java.net.HttpCookie stateCookie(String value) {
    java.net.HttpCookie c = new java.net.HttpCookie(SlackOAuthServlet.COOKIE, value);
    c.setPath("/slack");
    c.setVersion(0);
    return c;
  }

  @Test
  void cancellingOnSlackOrACodeSlackRefusesShowsAFriendlyPageAndInstallsNothing() throws Exception {
    start(PUBLIC);
    HttpClient browser = browser();
    String state = startInstall(browser).get("state");
    HttpResponse<String> cancelled = back(browser, "error=access_denied&state=" + state);
    assertPage(cancelled, 200, "Install cancelled");
    assertThat(cancelled.body()).contains("href=\"" + PUBLIC + "/slack/install\"");
    assertThat(exchanges()).isEmpty();

    // Another error from Slack, with markup in it: shown as text.
    state = startInstall(browser).get("state");
    HttpResponse<String> odd = back(browser, "error=%3Cb%3Ebad%3C%2Fb%3E&state=" + state);
    assertPage(odd, 400, "Slack could not finish the install");
    assertThat(odd.body()).contains("&lt;b&gt;bad&lt;/b&gt;").doesNotContain("<b>");

    // A code Slack does not know (stale, or used already).
    state = startInstall(browser).get("state");
    assertPage(
        back(browser, "code=stale&state=" + state), 400, "Slack did not accept this install");
    assertThat(exchanges()).hasSize(1);

    // Slack unreachable: a page, not a stack trace.
    api.breakMethod("oauth.v2.access", 500);
    api.grant("code-t3", null, "T3", "Three", "xoxb-t3");
    state = startInstall(browser).get("state");
    assertPage(back(browser, "code=code-t3&state=" + state), 502, "Slack could not be reached");
    assertThat(installed(null, "T3")).isFalse();
  }

  @Test
  void twoWorkspacesAndAGridOrgEachGetTheirPostsAndHomeWithTheirOwnToken() throws Exception {
    start(PUBLIC);
    // A workspace, a Grid workspace installed on its own, and a whole Grid org at once.
    api.grant("code-t1", null, "T1", "One", "xoxb-one");
    api.grant("code-grid", "E1", "T2", "Grid Two", "xoxb-grid-two");
    api.grant("code-org", "E2", null, null, "xoxb-org");
    List<HttpResponse<String>> pages = new java.util.ArrayList<>();
    for (String code : List.of("code-t1", "code-grid", "code-org")) {
      pages.add(install(code));
    }
    assertThat(pages).allSatisfy(p -> assertPage(p, 200, "Sparring is installed"));
    assertThat(pages.get(2).body())
        .contains("Org E2")
        .contains("href=\"https://slack.com/app_redirect?app=A0SPARRING\"");
    assertThat(installed(null, "T1")).isTrue();
    assertThat(installed("E1", "T2")).isTrue();
    assertThat(installed("E2", "T3")).as("org-wide covers any workspace of E2").isTrue();
    assertThat(installed(null, "T2")).as("a Grid workspace is not a plain one").isFalse();

    record Place(String enterprise, String team, String channel, String token) {}
    List<Place> places =
        List.of(
            new Place(null, "T1", "C1", "Bearer xoxb-one"),
            new Place("E1", "T2", "C2", "Bearer xoxb-grid-two"),
            new Place("E2", "T3", "C3", "Bearer xoxb-org"));

    // Each starts an interview, and an admin there turns the daily question on.
    for (Place p : places) {
      assertThat(command(p.enterprise(), p.team(), p.channel(), "U1", "interview demo-senior"))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(200);
      HttpResponse<String> daily =
          command(p.enterprise(), p.team(), p.channel(), "U_ADMIN", "daily on 08:30 UTC daily");
      assertThat(daily.statusCode()).isEqualTo(200);
      assertThat(daily.body()).doesNotContain("not installed");
    }
    deliver();
    for (Place p : places) {
      assertThat(tokensUsed("chat.postMessage", p.channel()))
          .as("interview post in %s", p.channel())
          .containsExactly(p.token());
    }
    int interviewPosts = api.calls("chat.postMessage").size();
    assertThat(interviewPosts).isGreaterThanOrEqualTo(3);

    // The daily post, from the scheduler: no request names the workspace, the channel does.
    clock.advance(Duration.ofMinutes(31));
    bot.handle(new Inbound.Tick(clock.instant()));
    deliver();
    List<SlackApiStandIn.Call> dailies =
        api.calls("chat.postMessage").subList(interviewPosts, api.calls("chat.postMessage").size());
    assertThat(dailies).extracting(c -> c.get("channel")).contains("C1", "C2", "C3");
    for (Place p : places) {
      assertThat(dailies)
          .filteredOn(c -> c.get("channel").equals(p.channel()))
          .extracting(SlackApiStandIn.Call::authorization)
          .containsOnly(p.token());
    }

    // The App Home of each, published with its own token.
    for (Place p : places) {
      assertThat(
              event(
                      "app_home_opened",
                      p.enterprise(),
                      p.team(),
                      "E2".equals(p.enterprise()),
                      Map.of("user", "U9" + p.team()))
                  .statusCode())
          .isEqualTo(200);
    }
    for (Place p : places) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(api.calls("views.publish"))
                      .filteredOn(c -> c.get("user_id").equals("U9" + p.team()))
                      .extracting(SlackApiStandIn.Call::authorization)
                      .containsExactly(p.token()));
    }
    // Who is an admin was asked of each workspace with its own token too.
    assertThat(api.calls("users.info"))
        .allSatisfy(
            c -> assertThat(c.authorization()).isIn(places.stream().map(Place::token).toList()));
    assertThat(api.calls("users.info"))
        .extracting(SlackApiStandIn.Call::authorization)
        .containsAll(places.stream().map(Place::token).toList());
  }

  @Test
  void uninstallingAGridWorkspaceOrAnOrgRemovesOnlyThatInstallation() throws Exception {
    start(PUBLIC);
    api.grant("code-t1", null, "T1", "One", "xoxb-one");
    api.grant("code-grid", "E1", "T2", "Grid Two", "xoxb-grid-two");
    api.grant("code-org", "E2", null, null, "xoxb-org");
    for (String code : List.of("code-t1", "code-grid", "code-org")) {
      assertPage(install(code), 200, "Sparring is installed");
    }
    // A workspace of the org has been seen, so work for it finds the org's token.
    command("E2", "T3", "C3", "U1", "help");
    assertThat(adapter.tokenForTeam("T3")).contains("xoxb-org");

    assertThat(event("app_uninstalled", "E1", "T2", false, Map.of()).statusCode()).isEqualTo(200);
    assertThat(installed("E1", "T2")).isFalse();
    assertThat(adapter.tokenForTeam("T2")).isEmpty();
    assertThat(installed(null, "T1")).isTrue();
    assertThat(installed("E2", "T3")).isTrue();

    assertThat(event("tokens_revoked", "E2", "T3", true, Map.of("user", "U1")).statusCode())
        .isEqualTo(200);
    assertThat(installed("E2", "T3")).isFalse();
    assertThat(adapter.tokenForTeam("T3")).isEmpty();
    assertThat(adapter.tokenForTeam("T1")).contains("xoxb-one");
    // The org's workspaces are told why nothing happens.
    assertThat(command("E2", "T3", "C3", "U1", "help").body()).contains("not installed");
  }
}
