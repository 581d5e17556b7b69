package dev.sparring.picture;

import java.awt.Font;
import java.awt.Graphics2D;

/** The top of every picture: an accent strip, the title, the subtitle and the bot's name. */
final class Header {

  private Header() {}

  static Font plainFont() {
    return Theme.font(Font.PLAIN, 15f);
  }

  static void draw(Graphics2D g, int width, String title, String subtitle) {
    g.setColor(Theme.ACCENT);
    g.fillRect(0, 0, width, 6);
    g.setFont(Theme.font(Font.PLAIN, 13f));
    g.setColor(Theme.MUTED);
    String brand = "Sparring";
    int brandWidth = g.getFontMetrics().stringWidth(brand);
    g.drawString(brand, width - 32 - brandWidth, 34);
    Font big = Theme.font(Font.BOLD, 26f);
    g.setFont(big);
    g.setColor(Theme.INK);
    String t = Theme.shown(title, big, "");
    g.drawString(Theme.fit(t, g.getFontMetrics(), width - 64 - brandWidth - 16), 32, 48);
    Font small = plainFont();
    g.setFont(small);
    g.setColor(Theme.MUTED);
    String s = Theme.shown(subtitle, small, "");
    g.drawString(Theme.fit(s, g.getFontMetrics(), width - 64), 32, 74);
    g.setColor(Theme.FAINT);
    g.drawLine(32, 90, width - 32, 90);
  }
}
