package dev.sparring.teams;

import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigSection;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import dev.sparring.store.Tx;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Teams through the Bot Framework: activities at {@code POST /api/messages} on the bot's
 * HTTP server, messages to each conversation's {@code serviceUrl}; on when {@code TEAMS_APP_ID} and
 * {@code TEAMS_APP_PASSWORD} are set ({@code TEAMS_TENANT_ID} for a single-tenant bot). The app
 * manifest with the current command list is served at {@code GET /teams/manifest.json}.
 */
public final class TeamsModule implements PlatformModule {

  /** Teams' refs are prefixed {@code teams:}. */
  public static final Platform PLATFORM = Platform.of("teams");

  public static final String APP_ID = "TEAMS_APP_ID";
  public static final String APP_PASSWORD = "TEAMS_APP_PASSWORD";
  public static final String TENANT_ID = "TEAMS_TENANT_ID";

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public Mentions.Syntax mentions() {
    return Mentions.Syntax.matching(TeamsText.MENTION);
  }

  @Override
  public String configDefaults() {
    return """
        teams:
          # Where the Bot Framework publishes the keys that sign its requests, and their issuer.
          openIdMetadata: %s
          issuer: %s
          # Where the bot gets its token for the Bot Connector; {tenant} is TEAMS_TENANT_ID, or
          # botframework.com for a multi-tenant bot.
          tokenEndpoint: %s
          # The channel the signing keys must be endorsed for.
          channel: msteams
          # Teams user ids (29:...) or Entra object ids of admins, on top of team owners.
          admins: []
        """
        .formatted(
            TeamsSettings.DEFAULT_OPENID,
            TeamsSettings.DEFAULT_ISSUER,
            TeamsSettings.DEFAULT_TOKEN);
  }

  @Override
  public Set<String> secrets() {
    return Set.of(APP_ID, APP_PASSWORD, TENANT_ID);
  }

  @Override
  public Optional<Configured> configure(ConfigSection section, Map<String, String> env) {
    String openId = url(section, "openIdMetadata");
    String issuer = section.string("issuer");
    String token = url(section, "tokenEndpoint");
    String channel = section.string("channel");
    Set<String> admins = new LinkedHashSet<>(section.strings("admins"));
    if (!section.problems().isEmpty()) {
      return Optional.empty();
    }
    TeamsSettings settings =
        TeamsSettings.fromEnv(env, openId, issuer, token, channel, admins, section.problems());
    return Optional.ofNullable(settings).map(TeamsModule::configured);
  }

  private static String url(ConfigSection section, String key) {
    String v = section.string(key);
    if (v != null && !v.matches("https?://[^\\s]+")) {
      section.problem(key, "must be an http(s) address (got '" + v + "')");
    }
    return v;
  }

  /** The conversation references of the team go with its data. */
  @Override
  public int eraseTeam(Tx tx, String teamId) {
    return TeamsReferences.forgetTeam(tx, teamId);
  }

  private static Configured configured(TeamsSettings settings) {
    return new Configured() {
      @Override
      public Running start(Host host) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        TeamsTokens tokens = new TeamsTokens(settings, http, host.clock());
        try {
          tokens.token();
        } catch (IOException e) {
          throw new IllegalStateException(
              "Microsoft Entra ID did not give the bot a token: check "
                  + APP_ID
                  + ", "
                  + APP_PASSWORD
                  + " and "
                  + TENANT_ID
                  + " ("
                  + e.getMessage()
                  + ")",
              e);
        }
        TeamsConnector connector = new TeamsConnector(http, tokens);
        TeamsReferences refs = new TeamsReferences(host.store());
        TeamsActivities activities =
            new TeamsActivities(
                host.bot(),
                new TeamsPeople(connector, settings.admins(), host.clock()),
                refs,
                new TeamsReplies(connector, host.clock()));
        TeamsServlet in = new TeamsServlet(new TeamsAuth(settings, http, host.clock()), activities);
        TeamsGateway out = new TeamsGateway(connector, refs, settings, host.clock());
        HttpServlet manifest = manifestServlet(settings.appId(), host);
        return new Running() {
          @Override
          public Gateway gateway() {
            return out;
          }

          @Override
          public Map<String, HttpServlet> servlets() {
            return Map.of("/api/messages", in, "/teams/manifest.json", manifest);
          }

          @Override
          public String detail() {
            return "messaging endpoint: POST /api/messages";
          }

          @Override
          public void close() {
            // Nothing to hang up: Teams calls in, and the HTTP client's threads are daemons.
          }
        };
      }

      @Override
      public String describe() {
        return settings.toString();
      }
    };
  }

  private static HttpServlet manifestServlet(String appId, Host host) {
    return new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json; charset=utf-8");
        resp.getOutputStream()
            .write(
                TeamsManifest.manifest(appId, host.bot().topics())
                    .toPrettyString()
                    .getBytes(StandardCharsets.UTF_8));
      }
    };
  }
}
