package dev.sparring.config;

import dev.sparring.chat.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of dotted keys in one section of the configuration that collect problems instead of
 * failing on the first; every problem names its whole key ({@code discord.shards.total: ...}). A
 * platform reads its own section through one of these.
 */
public final class ConfigSection {
  private final Map<String, Object> root;
  private final String prefix;
  final List<String> problems;

  /** The whole configuration tree, problems collected in a new list. */
  ConfigSection(Map<String, Object> root) {
    this(root, "", new ArrayList<>());
  }

  /**
   * The section {@code name} of a configuration (its keys as in the YAML file), problems added to
   * {@code problems}.
   */
  public ConfigSection(Map<String, Object> section, String name, List<String> problems) {
    this.root = section;
    this.prefix = name.isEmpty() ? "" : name + ".";
    this.problems = problems;
  }

  /** Records a problem with {@code key} of this section. */
  public void problem(String key, String message) {
    problems.add(prefix + key + ": " + message);
  }

  /** The problems found so far (in this section and every other sharing the list). */
  public List<String> problems() {
    return problems;
  }

  @SuppressWarnings("unchecked")
  Object raw(String key) {
    Object cur = root;
    for (String part : key.split("\\.")) {
      if (!(cur instanceof Map)) {
        return null;
      }
      cur = ((Map<String, Object>) cur).get(part);
    }
    return cur;
  }

  public String string(String key) {
    Object v = raw(key);
    if (v == null || v instanceof Map || v instanceof List) {
      problems.add(prefix + key + ": missing or not a single value");
      return null;
    }
    return String.valueOf(v).strip();
  }

  public boolean bool(String key) {
    Object v = raw(key);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v != null && Set.of("true", "false").contains(String.valueOf(v).strip().toLowerCase())) {
      return Boolean.parseBoolean(String.valueOf(v).strip());
    }
    problems.add(prefix + key + ": must be true or false (got '" + v + "')");
    return false;
  }

  /** A value that may be left empty (null then). */
  public String optional(String key) {
    Object v = raw(key);
    if (v instanceof Map || v instanceof List) {
      problems.add(prefix + key + ": must be a single value");
      return null;
    }
    return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
  }

  public List<String> strings(String key) {
    Object v = raw(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      problems.add(prefix + key + ": must be a list, like [a, b]");
      return List.of();
    }
    return list.stream().map(String::valueOf).map(String::strip).toList();
  }

  public int integer(String key, int min, int max) {
    String s = string(key);
    if (s == null) {
      return min;
    }
    try {
      int n = Integer.parseInt(s);
      if (n < min || n > max) {
        problems.add(
            prefix + key + ": must be between " + min + " and " + max + " (got " + n + ")");
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(prefix + key + ": must be a whole number (got '" + s + "')");
      return min;
    }
  }

  public Duration duration(String key, Duration min) {
    String s = string(key);
    if (s == null) {
      return min;
    }
    try {
      Duration d = Durations.parse(s);
      if (d.compareTo(min) < 0) {
        problems.add(
            prefix
                + key
                + ": must be at least "
                + min.toString().substring(2).toLowerCase()
                + " (got '"
                + s
                + "')");
        return min;
      }
      return d;
    } catch (DateTimeParseException | ArithmeticException e) {
      problems.add(
          prefix + key + ": must be a duration like 90s, 30m, 24h or 7d (got '" + s + "')");
      return min;
    }
  }
}
