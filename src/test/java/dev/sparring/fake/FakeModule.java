package dev.sparring.fake;

import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigSection;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A made-up chat platform, added the way a real one is: this package and one registration line
 * ({@code Platforms.shipped().with(new FakeModule())}). People act by posting JSON to {@code POST
 * /fake/events} with a bearer token from {@code FAKE_TOKEN}; what the bot says is kept by {@link
 * FakeGateway}. Its section of the config names the workspace every event comes from.
 */
public final class FakeModule implements PlatformModule {

  public static final Platform PLATFORM = Platform.of("fake");
  public static final String TOKEN = "FAKE_TOKEN";

  private static final Pattern MENTION = Pattern.compile("@@([a-z0-9]{1,20})");

  private volatile FakeGateway gateway;

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public Mentions.Syntax mentions() {
    return Mentions.Syntax.matching(MENTION);
  }

  @Override
  public String configDefaults() {
    return """
        fake:
          # The workspace every event of this platform comes from.
          workspace: practice
        """;
  }

  @Override
  public Set<String> secrets() {
    return Set.of(TOKEN);
  }

  @Override
  public Optional<Configured> configure(ConfigSection section, Map<String, String> env) {
    String workspace = section.string("workspace");
    if (workspace != null && !workspace.matches("[a-z0-9-]{1,40}")) {
      section.problem("workspace", "must be lower-case letters, digits and dashes");
    }
    String token = env.get(TOKEN);
    if (token == null || token.isBlank() || !section.problems().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Configured() {
          @Override
          public Running start(Host host) {
            FakeGateway out = new FakeGateway();
            gateway = out;
            FakeEvents in = new FakeEvents(host.bot(), token, workspace);
            return new Running() {
              @Override
              public Gateway gateway() {
                return out;
              }

              @Override
              public Map<String, HttpServlet> servlets() {
                return Map.of("/fake/events", in);
              }

              @Override
              public void close() {}
            };
          }

          @Override
          public String describe() {
            return "fake workspace " + workspace;
          }
        });
  }

  /** What the bot has said on this platform since it started. */
  public FakeGateway gateway() {
    return gateway;
  }
}
