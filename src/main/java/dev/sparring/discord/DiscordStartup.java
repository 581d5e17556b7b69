package dev.sparring.discord;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * Turns JDA's start-up failures into one sentence that says what could not be reached or was not
 * accepted, and what to check (JDA reports an unknown host as {@code -1:
 * java.net.UnknownHostException}).
 */
final class DiscordStartup {

  static final String DEFAULT_API = "https://discord.com/api/v10/";

  private DiscordStartup() {}

  /** Runs JDA's login; its failures come out as an {@link IllegalStateException} to show as is. */
  static <T> T login(Supplier<T> build, DiscordSettings settings) {
    try {
      return build.get();
    } catch (InvalidTokenException e) {
      throw new IllegalStateException(
          "Discord did not accept DISCORD_TOKEN: copy the bot token again from the Developer"
              + " Portal (Bot, Reset Token) and restart");
    } catch (RuntimeException e) {
      IOException io = ioCause(e);
      if (io == null) {
        throw e;
      }
      throw new IllegalStateException(unreachable(settings, io));
    }
  }

  static String unreachable(DiscordSettings settings, IOException io) {
    String api = settings.apiUrl() != null ? settings.apiUrl() : DEFAULT_API;
    String host = host(api);
    String why =
        io instanceof UnknownHostException
            ? "the name " + host + " does not resolve"
            : io instanceof ConnectException
                ? "the connection was refused"
                : io instanceof SSLException
                    ? "the TLS handshake failed (" + io.getMessage() + ")"
                    : io.getClass().getSimpleName() + ": " + io.getMessage();
    return "Discord's API at "
        + api
        + " could not be reached ("
        + why
        + "). Check this machine's network, DNS and any proxy or firewall"
        + (settings.apiUrl() != null ? ", and DISCORD_API_URL" : "")
        + "; DISCORD_TOKEN itself was not checked yet.";
  }

  static String gatewayTimeout(DiscordSettings settings, long seconds) {
    String gateway =
        settings.gatewayUrl() != null ? settings.gatewayUrl() : "wss://gateway.discord.gg";
    return "Discord's gateway ("
        + gateway
        + ") did not complete the connection within "
        + seconds
        + " s. Check that this machine can open WebSocket connections to it (proxy, firewall)"
        + (settings.gatewayUrl() != null ? ", and DISCORD_GATEWAY_URL" : "")
        + ".";
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
