package dev.sparring.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV back the way RFC 4180 defines it (quoted cells, doubled quotes, CRLF rows), written
 * independently of the code under test so an export is checked by what a reader gets.
 */
public final class CsvRows {

  private CsvRows() {}

  /** Every row, the header first; fails on a malformed file (unclosed quote, stray text). */
  public static List<List<String>> parse(byte[] utf8) {
    String s = new String(utf8, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (cell.length() > 0 || wasQuoted) {
          throw new AssertionError("a quote inside an unquoted cell at " + i);
        }
        quoted = true;
        wasQuoted = true;
        i++;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        rows.add(row);
        row = new ArrayList<>();
        cell.setLength(0);
        wasQuoted = false;
        i += 2;
      } else if (c == '\r' || c == '\n') {
        throw new AssertionError("a bare line break outside quotes at " + i);
      } else {
        if (wasQuoted) {
          throw new AssertionError("text after a closing quote at " + i);
        }
        cell.append(c);
        i++;
      }
    }
    if (quoted) {
      throw new AssertionError("an unclosed quote");
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      throw new AssertionError("the last row does not end with CRLF");
    }
    return rows;
  }

  /** The rows below the header, each as column name to cell; every row as wide as the header. */
  public static List<Map<String, String>> records(byte[] utf8) {
    List<List<String>> rows = parse(utf8);
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      if (r.size() != header.size()) {
        throw new AssertionError("row of " + r.size() + " cells under " + header.size() + ": " + r);
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
