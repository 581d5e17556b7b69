package dev.sparring.leaderboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table as RFC 4180 writes it: a header row, CRLF line ends, a cell quoted when it holds a
 * comma, a quote, CR or LF (quotes doubled), UTF-8 without a byte-order mark. People's names are
 * data, never formulas: a cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a CR gets a leading {@code '} so spreadsheets show it instead of running it.
 */
public final class Csv {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Csv(List<String> header) {
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a CSV needs at least one column");
    }
    this.header = List.copyOf(header);
  }

  public List<String> header() {
    return header;
  }

  /** Adds a row with one cell per column ({@code null} is an empty cell). */
  public Csv row(List<?> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(
          "row of " + cells.size() + " cells for " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>(cells.size());
    for (Object c : cells) {
      row.add(c == null ? "" : c.toString());
    }
    rows.add(row);
    return this;
  }

  /** How many rows there are below the header. */
  public int size() {
    return rows.size();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    line(b, header);
    rows.forEach(r -> line(b, r));
    return b.toString();
  }

  public byte[] bytes() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells.get(i)));
    }
    b.append("\r\n");
  }

  /** One cell: neutralised if a spreadsheet would run it, then quoted if RFC 4180 needs it. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\r') >= 0
        || v.indexOf('\n') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
