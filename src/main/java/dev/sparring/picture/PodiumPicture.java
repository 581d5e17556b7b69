package dev.sparring.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A competition's podium: the first three on steps (gold in the middle), each with name and points;
 * below, the next places, and the groups' ranking when people played in groups.
 */
public final class PodiumPicture {

  public static final int WIDTH = 800;
  public static final int HEIGHT = 450;

  private static final int FLOOR = 318;
  private static final int STEP_WIDTH = 176;
  private static final int[] STEP_HEIGHT = {128, 92, 64};
  private static final int[] STEP_CENTRE = {WIDTH / 2, WIDTH / 2 - 196, WIDTH / 2 + 196};

  private PodiumPicture() {}

  /** A person or a group and their points, in ranking order. */
  public record Place(String name, long points) {
    public Place {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The podium as PNG: {@code people} (and {@code groups}, possibly empty) in ranking order. {@code
   * title} and {@code subtitle} are drawn as plain text.
   */
  public static byte[] png(String title, String subtitle, List<Place> people, List<Place> groups) {
    BufferedImage image = Theme.canvas(WIDTH, HEIGHT);
    Graphics2D g = Theme.graphics(image);
    try {
      Header.draw(g, WIDTH, title, subtitle);
      if (people.isEmpty()) {
        g.setFont(Theme.font(Font.PLAIN, 18f));
        g.setColor(Theme.MUTED);
        Theme.drawCentred(g, "Nobody scored this time", WIDTH / 2, 240);
      } else {
        for (int i = 0; i < Math.min(3, people.size()); i++) {
          step(g, i, people.get(i));
        }
        g.setColor(Theme.FAINT);
        g.fillRect(60, FLOOR, WIDTH - 120, 2);
        below(g, people, groups);
      }
    } finally {
      g.dispose();
    }
    return Theme.png(image);
  }

  private static void step(Graphics2D g, int place, Place p) {
    int cx = STEP_CENTRE[place];
    int h = STEP_HEIGHT[place];
    int left = cx - STEP_WIDTH / 2;
    int top = FLOOR - h;
    Color medal = Theme.medal(place + 1);
    Path2D.Double block = new Path2D.Double();
    int r = 10;
    block.moveTo(left, FLOOR);
    block.lineTo(left, top + r);
    block.quadTo(left, top, left + r, top);
    block.lineTo(left + STEP_WIDTH - r, top);
    block.quadTo(left + STEP_WIDTH, top, left + STEP_WIDTH, top + r);
    block.lineTo(left + STEP_WIDTH, FLOOR);
    block.closePath();
    g.setColor(medal);
    g.fill(block);
    g.setColor(Color.WHITE);
    g.setFont(Theme.font(Font.BOLD, place == 0 ? 46f : 38f));
    FontMetrics big = g.getFontMetrics();
    Theme.drawCentred(g, Integer.toString(place + 1), cx, top + 14 + big.getAscent() - 8);
    Font nameFont = Theme.nameFont(Font.BOLD, place == 0 ? 19f : 17f);
    g.setFont(nameFont);
    g.setColor(Theme.INK);
    String name = Theme.fit(Theme.shown(p.name(), nameFont, "someone"), g.getFontMetrics(), 190);
    Theme.drawCentred(g, name, cx, top - 32);
    g.setFont(Theme.font(Font.PLAIN, 15f));
    g.setColor(Theme.MUTED);
    Theme.drawCentred(g, Theme.points(p.points()), cx, top - 11);
  }

  /** The places after the podium, and the groups when there are any. */
  private static void below(Graphics2D g, List<Place> people, List<Place> groups) {
    List<Place> rest = people.size() > 3 ? people.subList(3, people.size()) : List.of();
    int y = FLOOR + 36;
    if (groups.isEmpty()) {
      column(g, "Also placed", rest, 4, 60, WIDTH / 2 - 30, y, 3, false);
      if (rest.size() > 3) {
        column(g, "", rest.subList(3, rest.size()), 7, WIDTH / 2 + 30, WIDTH - 60, y, 3, false);
      }
    } else {
      column(g, "Also placed", rest, 4, 60, WIDTH / 2 - 30, y, 3, false);
      column(g, "Groups", groups, 1, WIDTH / 2 + 30, WIDTH - 60, y, 3, true);
    }
  }

  private static void column(
      Graphics2D g,
      String heading,
      List<Place> places,
      int firstRank,
      int left,
      int right,
      int y,
      int max,
      boolean medals) {
    Font head = Theme.font(Font.BOLD, 13f);
    Font line = Theme.font(Font.PLAIN, 15f);
    Font names = Theme.nameFont(Font.PLAIN, 15f);
    if (!heading.isEmpty() && !places.isEmpty()) {
      g.setFont(head);
      g.setColor(Theme.MUTED);
      g.drawString(heading.toUpperCase(java.util.Locale.ROOT), left, y);
    }
    for (int i = 0; i < Math.min(max, places.size()); i++) {
      Place p = places.get(i);
      int base = y + 26 + i * 24;
      int rank = firstRank + i;
      Color medal = medals ? Theme.medal(rank) : null;
      if (medal != null) {
        g.setColor(medal);
        g.fill(new Ellipse2D.Double(left, base - 11, 12, 12));
      } else {
        g.setFont(line);
        g.setColor(Theme.MUTED);
        g.drawString(rank + ".", left - 2, base);
      }
      g.setFont(Theme.font(Font.BOLD, 15f));
      g.setColor(Theme.INK);
      String pts = Theme.points(p.points());
      int ptsWidth = g.getFontMetrics().stringWidth(pts);
      Theme.drawRight(g, pts, right, base);
      g.setFont(names);
      String name = Theme.shown(p.name(), names, "someone");
      int nameLeft = left + 26;
      g.drawString(
          Theme.fit(name, g.getFontMetrics(), right - ptsWidth - 16 - nameLeft), nameLeft, base);
    }
  }

  /** The podium in words. */
  public static String alt(String title, List<Place> people, List<Place> groups) {
    if (people.isEmpty()) {
      return title + ": nobody scored";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < Math.min(6, people.size()); i++) {
      parts.add(
          (i + 1)
              + ". "
              + Theme.plainName(people.get(i).name())
              + " "
              + Theme.points(people.get(i).points()));
    }
    String s = title + ": " + String.join(", ", parts);
    if (!groups.isEmpty()) {
      List<String> gs = new ArrayList<>();
      for (int i = 0; i < Math.min(3, groups.size()); i++) {
        gs.add(
            (i + 1)
                + ". "
                + Theme.plainName(groups.get(i).name())
                + " "
                + Theme.points(groups.get(i).points()));
      }
      s += "; groups: " + String.join(", ", gs);
    }
    return s;
  }
}
