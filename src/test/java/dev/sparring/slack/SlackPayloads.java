package dev.sparring.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fixtures in the shapes Slack sends, one file per event or interaction type under {@code
 * src/test/resources/slack/}: {@code events/} holds Events API envelopes (and the two top-level
 * types, {@code url_verification} and {@code app_rate_limited}), {@code interactions/} the JSON of
 * an interactive {@code payload=} form field. Values that change per test are {@code ${name}}
 * placeholders; {@code ${team}} is T1 and {@code ${user}} U1 unless given.
 */
final class SlackPayloads {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private SlackPayloads() {}

  /** The names (file names without .json) of every fixture of a kind ("events", "interactions"). */
  static List<String> names(String kind) {
    URL dir = SlackPayloads.class.getResource("/slack/" + kind);
    if (dir == null) {
      throw new IllegalStateException("no fixtures under slack/" + kind);
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture with its placeholders filled in (defaults for the ones {@code values} lacks). */
  static String json(String kind, String name, Map<String, String> values) {
    String raw;
    try (var in =
        SlackPayloads.class.getResourceAsStream("/slack/" + kind + "/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture slack/" + kind + "/" + name + ".json");
      }
      raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = PLACEHOLDER.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.getOrDefault(m.group(1), defaultValue(m.group(1), name));
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    // Compact, as Slack sends it (Bolt reads the body line by line, so a trailing newline would
    // change what the signature covers).
    try {
      return JSON.writeValueAsString(JSON.readTree(out.toString()));
    } catch (IOException e) {
      throw new IllegalStateException("fixture slack/" + kind + "/" + name + " is not JSON", e);
    }
  }

  /** An interaction fixture as Slack posts it: a form with one field, {@code payload}. */
  static String interactionForm(String name, Map<String, String> values) {
    return "payload="
        + URLEncoder.encode(json("interactions", name, values), StandardCharsets.UTF_8);
  }

  private static String defaultValue(String placeholder, String fixture) {
    return switch (placeholder) {
      case "team" -> "T1";
      case "user" -> "U1";
      case "user_name" -> "u1";
      case "channel" -> "C1";
      case "event_id" -> "Ev-" + fixture;
      case "trigger_id" -> "trig-" + fixture;
      case "ts" -> "1767225601.000200";
      case "thread_ts" -> "1767225600.000100";
      case "response_url" -> "http://127.0.0.1:1/unused";
      default -> throw new IllegalArgumentException("unknown placeholder " + placeholder);
    };
  }
}
