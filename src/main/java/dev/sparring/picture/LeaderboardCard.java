package dev.sparring.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A leaderboard as a card: the board's name and season on top, then one row per person with their
 * rank (a medal for the first three), name, a bar for their points, the points and their streak;
 * the asker's row is highlighted, and shown below a gap when they are further down.
 */
public final class LeaderboardCard {

  public static final int WIDTH = 800;
  static final int TOP = 104;
  static final int ROW = 34;
  static final int BOTTOM = 28;

  /** Rows drawn at most: the top ten and the asker's own line. */
  public static final int MAX_ROWS = 11;

  private LeaderboardCard() {}

  /**
   * One line of the board. {@code streak} is the person's current daily streak, or 0 for none;
   * {@code me} marks the asker's line.
   */
  public record Row(int rank, String name, long points, int streak, boolean me) {
    public Row {
      Objects.requireNonNull(name, "name");
      if (rank < 1) {
        throw new IllegalArgumentException("rank from 1: " + rank);
      }
    }
  }

  static final int GAP = 18;

  /**
   * The card's height for these rows: a line each (at least three lines' room), and a little more
   * where the asker's line stands apart from the top.
   */
  public static int height(List<Row> rows) {
    List<Row> shown = shown(rows);
    return TOP + Math.max(3, shown.size()) * ROW + (gaps(shown) > 0 ? GAP : 0) + BOTTOM;
  }

  private static List<Row> shown(List<Row> rows) {
    return rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
  }

  private static int gaps(List<Row> rows) {
    int n = 0;
    for (int i = 1; i < rows.size(); i++) {
      n += gap(rows, i) ? 1 : 0;
    }
    return n;
  }

  private static boolean gap(List<Row> rows, int i) {
    return i > 0 && rows.get(i).rank() > rows.get(i - 1).rank() + 1;
  }

  /**
   * The card as PNG. {@code title} names the board ("Leaderboard"), {@code subtitle} its scope and
   * season; both are drawn as plain text. Rows beyond {@link #MAX_ROWS} are left out.
   */
  public static byte[] png(String title, String subtitle, List<Row> rows) {
    List<Row> shown = shown(rows);
    BufferedImage image = Theme.canvas(WIDTH, height(shown));
    Graphics2D g = Theme.graphics(image);
    try {
      Header.draw(g, WIDTH, title, subtitle);
      if (shown.isEmpty()) {
        g.setFont(Theme.font(Font.PLAIN, 18f));
        g.setColor(Theme.MUTED);
        Theme.drawCentred(g, "No points yet", WIDTH / 2, TOP + ROW + 22);
      } else {
        rows(g, shown);
      }
    } finally {
      g.dispose();
    }
    return Theme.png(image);
  }

  private static void rows(Graphics2D g, List<Row> rows) {
    long max = rows.stream().mapToLong(Row::points).max().orElse(1);
    Font name = Theme.nameFont(Font.PLAIN, 17f);
    Font bold = Theme.nameFont(Font.BOLD, 17f);
    Font figures = Theme.font(Font.BOLD, 17f);
    Font small = Theme.font(Font.PLAIN, 13f);
    // Columns from the right: streak, points, bar; each as wide as its widest entry needs.
    int streakWidth = 0;
    for (Row r : rows) {
      if (r.streak() > 0) {
        streakWidth = Math.max(streakWidth, g.getFontMetrics(small).stringWidth(streak(r)));
      }
    }
    int pointsWidth = 0;
    for (Row r : rows) {
      pointsWidth =
          Math.max(pointsWidth, g.getFontMetrics(figures).stringWidth(Theme.points(r.points())));
    }
    int nameLeft = 76;
    int right = WIDTH - 36;
    int pointsRight = streakWidth > 0 ? right - streakWidth - 18 : right;
    int barRight = pointsRight - pointsWidth - 24;
    int barLeft = Math.max(nameLeft + 200, barRight - 200);
    boolean bars = barRight - barLeft >= 40;
    int nameRight = bars ? barLeft - 20 : pointsRight - pointsWidth - 20;
    int top = TOP - ROW;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      top += ROW;
      boolean gap = gap(rows, i);
      if (gap) {
        // The asker's own line, further down: set apart by a dotted rule.
        g.setColor(Theme.FAINT);
        for (int x = 28; x < WIDTH - 28; x += 8) {
          g.fillRect(x, top + GAP / 2, 3, 2);
        }
        top += GAP;
      }
      int base = top + 23;
      if (r.me()) {
        g.setColor(Theme.HIGHLIGHT);
        g.fill(new RoundRectangle2D.Double(20, top + 2, WIDTH - 40, ROW - 4, 12, 12));
      } else if (i > 0 && !gap && !rows.get(i - 1).me()) {
        g.setColor(Theme.BAND);
        g.drawLine(28, top, WIDTH - 28, top);
      }
      badge(g, r.rank(), 44, top + ROW / 2);
      Font f = r.me() ? bold : name;
      g.setFont(f);
      g.setColor(Theme.INK);
      FontMetrics fm = g.getFontMetrics();
      String who = Theme.shown(r.name(), f, "someone");
      String you = r.me() ? " (you)" : "";
      String fitted = Theme.fit(who, fm, nameRight - nameLeft - fm.stringWidth(you)) + you;
      g.drawString(fitted, nameLeft, base);
      if (bars) {
        bar(g, barLeft, barRight, top + 12, r.points() / (double) Math.max(1, max), r.me());
      }
      g.setColor(Theme.INK);
      g.setFont(figures);
      Theme.drawRight(g, Theme.points(r.points()), pointsRight, base);
      if (r.streak() > 0) {
        g.setFont(small);
        g.setColor(Theme.MUTED);
        Theme.drawRight(g, streak(r), right, base);
      }
    }
  }

  /** A track with the share {@code part} (0 to 1) of it filled. */
  private static void bar(Graphics2D g, int left, int right, int y, double part, boolean me) {
    g.setColor(Theme.ACCENT_LIGHT);
    g.fill(new RoundRectangle2D.Double(left, y, right - left, 10, 10, 10));
    int width = (int) Math.round((right - left) * Math.max(0, Math.min(1, part)));
    if (width > 0) {
      g.setColor(me ? Theme.ACCENT.darker() : Theme.ACCENT);
      g.fill(new RoundRectangle2D.Double(left, y, Math.max(10, width), 10, 10, 10));
    }
  }

  private static String streak(Row r) {
    return r.streak() + "-day streak";
  }

  /** A rank: a medal disc with the number for the first three, the bare number below. */
  static void badge(Graphics2D g, int rank, int cx, int cy) {
    Color medal = Theme.medal(rank);
    String n = Integer.toString(rank);
    if (medal != null) {
      g.setColor(medal);
      g.fill(new Ellipse2D.Double(cx - 13, cy - 13, 26, 26));
      g.setColor(Color.WHITE);
      g.setFont(Theme.font(Font.BOLD, 14f));
    } else {
      g.setColor(Theme.MUTED);
      g.setFont(Theme.font(Font.BOLD, rank > 99 ? 12f : 15f));
    }
    FontMetrics fm = g.getFontMetrics();
    g.drawString(n, cx - fm.stringWidth(n) / 2, cy + (fm.getAscent() - fm.getDescent()) / 2);
  }

  /** The card in words, for screen readers and wherever the picture cannot be shown. */
  public static String alt(String title, String subtitle, List<Row> rows) {
    List<String> parts = new ArrayList<>();
    for (Row r : rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows) {
      parts.add(r.rank() + ". " + Theme.plainName(r.name()) + " " + Theme.points(r.points()));
    }
    String head = title + (subtitle.isBlank() ? "" : " (" + subtitle + ")");
    return parts.isEmpty() ? head + ": no points yet" : head + ": " + String.join(", ", parts);
  }
}
