package dev.sparring.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a simple CSV file or Markdown list of questions into draft questions. The drafts carry
 * placeholder key points (marked TODO) so the skeleton validates and authors can fill it in.
 *
 * <p>CSV: a header row naming columns among {@code id, level, topics, prompt, hint, followups,
 * sources}; {@code prompt} is required; lists inside a cell are separated by {@code |}.
 *
 * <p>Markdown: top-level list items ({@code -}, {@code *} or {@code 1.}) are questions, items
 * indented under them are their follow-ups in order; a heading that names a level ({@code ##
 * Senior}) sets the level of the questions below it, any other heading sets their topic.
 */
public final class PackImporter {

  private static final Set<String> CSV_COLUMNS =
      Set.of("id", "level", "topics", "prompt", "hint", "followups", "sources");
  private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.)])\\s+(.*)$");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

  /** A question as read from the source, before placeholders are added. */
  public record Draft(
      String id,
      Level level,
      List<String> topics,
      String prompt,
      String hint,
      List<String> sources,
      List<String> followUps) {}

  /** What the import produced: drafts and the problems that stopped some rows. */
  public record Result(List<Draft> drafts, List<String> problems) {}

  private final Set<String> usedIds = new HashSet<>();

  /** Reads CSV text (RFC 4180 quoting). */
  public Result csv(String text) {
    List<String> problems = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    List<List<String>> rows = parseCsv(text, problems);
    if (rows.isEmpty()) {
      problems.add(
          "line 1: the file is empty; expected a header row such as 'prompt,level,topics'");
      return new Result(drafts, problems);
    }
    List<String> header =
        rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    for (String h : header) {
      if (!CSV_COLUMNS.contains(h)) {
        problems.add(
            "line 1: unknown column '"
                + h
                + "' (known: "
                + String.join(", ", sorted(CSV_COLUMNS))
                + ")");
      }
    }
    if (!header.contains("prompt")) {
      problems.add("line 1: a 'prompt' column is required");
      return new Result(drafts, problems);
    }
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < row.size(); c++) {
        cells.put(header.get(c), row.get(c).strip());
      }
      String where = "row " + (r + 1);
      String prompt = cells.getOrDefault("prompt", "");
      if (prompt.isEmpty()) {
        problems.add(where + ": empty prompt; row skipped");
        continue;
      }
      Level level = Level.INTERMEDIATE;
      String levelText = cells.getOrDefault("level", "");
      if (!levelText.isEmpty()) {
        level = Level.parse(levelText).orElse(null);
        if (level == null) {
          problems.add(where + ": unknown level '" + levelText + "'; row skipped");
          continue;
        }
      }
      drafts.add(
          new Draft(
              id(cells.getOrDefault("id", ""), prompt),
              level,
              topics(split(cells.getOrDefault("topics", ""))),
              prompt,
              cells.getOrDefault("hint", ""),
              split(cells.getOrDefault("sources", "")),
              split(cells.getOrDefault("followups", ""))));
    }
    return new Result(drafts, problems);
  }

  /** Reads a Markdown list. */
  public Result markdown(String text) {
    List<String> problems = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    Level level = Level.INTERMEDIATE;
    String topic = null;
    String prompt = null;
    int indent = -1;
    List<String> followUps = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      Matcher item = LIST_ITEM.matcher(line);
      if (heading.matches()) {
        if (prompt != null) {
          drafts.add(draft(prompt, level, topic, followUps));
          prompt = null;
        }
        String h = heading.group(1).strip();
        var parsed = Level.parse(h);
        if (parsed.isPresent()) {
          level = parsed.get();
        } else {
          topic = slug(h);
        }
      } else if (item.matches()) {
        int here = item.group(1).replace("\t", "    ").length();
        String content = item.group(2).strip();
        if (prompt == null || here <= indent) {
          if (prompt != null) {
            drafts.add(draft(prompt, level, topic, followUps));
          }
          prompt = content;
          indent = here;
          followUps = new ArrayList<>();
        } else {
          followUps.add(content);
        }
      } else if (!line.isBlank() && prompt != null && Character.isWhitespace(line.charAt(0))) {
        // A wrapped continuation line of the last item.
        if (followUps.isEmpty()) {
          prompt = prompt + " " + line.strip();
        } else {
          int last = followUps.size() - 1;
          followUps.set(last, followUps.get(last) + " " + line.strip());
        }
      }
    }
    if (prompt != null) {
      drafts.add(draft(prompt, level, topic, followUps));
    }
    if (drafts.isEmpty()) {
      problems.add("no list items found; write one question per '- ' line");
    }
    return new Result(drafts, problems);
  }

  private Draft draft(String prompt, Level level, String topic, List<String> followUps) {
    return new Draft(
        id("", prompt),
        level,
        topic == null ? List.of("general") : List.of(topic),
        prompt,
        "",
        List.of(),
        List.copyOf(followUps));
  }

  private String id(String given, String prompt) {
    String base = given.isEmpty() ? slugWords(prompt, 6) : slug(given);
    if (base.isEmpty()) {
      base = "question";
    }
    String id = base;
    for (int n = 2; !usedIds.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static List<String> topics(List<String> raw) {
    List<String> out = raw.stream().map(PackImporter::slug).filter(s -> !s.isEmpty()).toList();
    return out.isEmpty() ? List.of("general") : out;
  }

  private static List<String> split(String cell) {
    List<String> out = new ArrayList<>();
    for (String part : cell.split("\\|")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  static String slug(String text) {
    return slugWords(text, Integer.MAX_VALUE);
  }

  private static String slugWords(String text, int maxWords) {
    String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip().split(" ");
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (String w : words) {
      if (w.isEmpty() || n == maxWords) {
        continue;
      }
      if (b.length() > 0) {
        b.append('-');
      }
      b.append(w);
      n++;
    }
    return b.length() > 60 ? b.substring(0, 60).replaceAll("-+$", "") : b.toString();
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parseCsv(String text, List<String> problems) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"') {
          if (i + 1 < t.length() && t.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        any = false;
        line++;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      problems.add("line " + line + ": a quoted field is not closed");
    }
    if (any || field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
