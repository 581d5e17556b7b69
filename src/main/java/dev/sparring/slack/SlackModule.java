package dev.sparring.slack;

import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigSection;
import dev.sparring.config.Secrets;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import dev.sparring.store.Tx;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Slack: Bolt behind the bot's HTTP server ({@code POST /slack/events}, OAuth installs) or over
 * Socket Mode; on when {@code SLACK_SIGNING_SECRET} and a token or OAuth client are set.
 */
public final class SlackModule implements PlatformModule {

  /** Slack's refs are prefixed {@code slack:}. */
  public static final Platform PLATFORM = Platform.of("slack");

  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  public static final String APP_TOKEN = "SLACK_APP_TOKEN";
  public static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

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
        slack:
          # http: Slack calls POST /slack/events on port SPARRING_HTTP_PORT (default 3000).
          # socket: Socket Mode over a WebSocket, no public URL needed (needs SLACK_APP_TOKEN).
          mode: ${SLACK_MODE:-http}
        """;
  }

  @Override
  public Set<String> secrets() {
    return Set.of(SIGNING_SECRET, BOT_TOKEN, APP_TOKEN, CLIENT_SECRET, Secrets.SECRET_KEY);
  }

  @Override
  public Optional<Configured> configure(ConfigSection section, Map<String, String> env) {
    String mode = section.string("mode");
    if (mode != null && !Set.of("http", "socket").contains(mode)) {
      section.problem("mode", "must be http or socket (got '" + mode + "')");
      return Optional.empty();
    }
    SlackSettings settings;
    try {
      settings = SlackSettings.fromEnv(env, mode);
    } catch (ConfigException e) {
      section.problems().addAll(e.problems());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      section.problems().add(e.getMessage());
      return Optional.empty();
    }
    return Optional.ofNullable(settings).map(Started::configured);
  }

  /** An installation's tokens go with the team's data. */
  @Override
  public int eraseTeam(Tx tx, String teamId) {
    return SlackErasure.forgetTeam(tx, teamId);
  }

  /** The running adapter and, in Socket Mode, its connection. */
  private record Started(SlackAdapter adapter, AutoCloseable socket) implements Running {

    static Configured configured(SlackSettings settings) {
      return new Configured() {
        @Override
        public Running start(Host host) throws Exception {
          SlackAdapter adapter = new SlackAdapter(settings, host.bot(), host.store(), host.clock());
          try {
            adapter.start();
          } catch (RuntimeException e) {
            adapter.close();
            throw new IllegalStateException(
                "Slack did not accept "
                    + BOT_TOKEN
                    + ", or its API could not be reached ("
                    + e.getMessage()
                    + ")",
                e);
          }
          return new Started(adapter, settings.socketMode() ? adapter.startSocketMode() : null);
        }

        @Override
        public String describe() {
          return settings.toString();
        }
      };
    }

    @Override
    public Gateway gateway() {
      return adapter.gateway();
    }

    @Override
    public Map<String, HttpServlet> servlets() {
      return socket == null ? adapter.servlets() : Map.of();
    }

    @Override
    public void close() throws Exception {
      List<Exception> failures = new ArrayList<>();
      if (socket != null) {
        try {
          socket.close();
        } catch (Exception e) {
          failures.add(e);
        }
      }
      adapter.close();
      if (!failures.isEmpty()) {
        throw failures.get(0);
      }
    }
  }
}
