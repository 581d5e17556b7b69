package dev.sparring.picture;

import dev.sparring.chat.Inline;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The look every picture shares: a white canvas, one sans-serif family (DejaVu Sans where it is
 * installed), a small palette, and the helpers that draw people's names safely: cleaned of what
 * disguises, without characters the font has no glyph for (no tofu boxes), clipped to a width.
 */
final class Theme {

  static final String FAMILY = family();

  static final Color BACKGROUND = Color.WHITE;
  static final Color INK = new Color(0x1F, 0x23, 0x28);
  static final Color MUTED = new Color(0x65, 0x6D, 0x76);
  static final Color FAINT = new Color(0xD0, 0xD7, 0xDE);
  static final Color BAND = new Color(0xF3, 0xF5, 0xF8);
  static final Color ACCENT = new Color(0x2F, 0x6F, 0xEB);
  static final Color ACCENT_LIGHT = new Color(0xDC, 0xE8, 0xFD);
  static final Color HIGHLIGHT = new Color(0xFF, 0xF4, 0xCC);
  static final Color GOLD = new Color(0xE8, 0xB9, 0x23);
  static final Color SILVER = new Color(0xA9, 0xB3, 0xBE);
  static final Color BRONZE = new Color(0xCD, 0x7F, 0x32);

  /** Line colours for series (topics), distinct for people with common colour blindness. */
  static final Color[] SERIES = {
    new Color(0x2F, 0x6F, 0xEB),
    new Color(0xE6, 0x7E, 0x22),
    new Color(0x16, 0x9F, 0x6B),
    new Color(0xC0, 0x39, 0x8B),
    new Color(0x7B, 0x5B, 0xD6),
    new Color(0x8A, 0x6D, 0x3B)
  };

  private Theme() {}

  private static String family() {
    Font f = new Font("DejaVu Sans", Font.PLAIN, 12);
    return f.getFamily().startsWith("DejaVu") ? "DejaVu Sans" : Font.SANS_SERIF;
  }

  static Font font(int style, float size) {
    return new Font(FAMILY, style, 12).deriveFont(style, size);
  }

  /**
   * The font for people's text: the logical sans-serif, which falls back to the host's other fonts
   * for scripts its first choice lacks (CJK where such a font is installed).
   */
  static Font nameFont(int style, float size) {
    return new Font(Font.SANS_SERIF, style, 12).deriveFont(style, size);
  }

  /** The medal colour of a rank (1 to 3), or null below the podium. */
  static Color medal(int rank) {
    return switch (rank) {
      case 1 -> GOLD;
      case 2 -> SILVER;
      case 3 -> BRONZE;
      default -> null;
    };
  }

  /** A white canvas of this size with smooth shapes and text. */
  static BufferedImage canvas(int width, int height) {
    return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
  }

  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setStroke(new BasicStroke(1f));
    return g;
  }

  /** The image as PNG bytes: the same pixels always give the same bytes. */
  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A person's name (or a competition's, a group's) fit to draw in {@code font}: cleaned, on one
   * line, without characters the font cannot show; {@code fallback} when nothing is left.
   */
  static String shown(String text, Font font, String fallback) {
    String name = Inline.name(Inline.unspanned(text), Inline.MAX_NAME);
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints()
        .filter(cp -> font.canDisplay(cp) && !Character.isISOControl(cp))
        .forEach(b::appendCodePoint);
    String s = b.toString().replaceAll("\\s+", " ").strip();
    return s.isEmpty() ? fallback : s;
  }

  /** A name for alt text: cleaned and on one line, never empty. */
  static String plainName(String text) {
    String name = Inline.name(Inline.unspanned(text), Inline.MAX_NAME);
    return name.isEmpty() ? "someone" : name;
  }

  /** {@code text} cut with an ellipsis so that it is at most {@code width} pixels wide. */
  static String fit(String text, FontMetrics metrics, int width) {
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    int n = cps.length;
    while (n > 0) {
      n--;
      String cut = new String(cps, 0, n).stripTrailing() + "\u2026";
      if (metrics.stringWidth(cut) <= width) {
        return cut;
      }
    }
    return "\u2026";
  }

  /** Draws {@code text} with its right edge at {@code right}. */
  static void drawRight(Graphics2D g, String text, int right, int baseline) {
    g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
  }

  /** Draws {@code text} centred on {@code centre}. */
  static void drawCentred(Graphics2D g, String text, int centre, int baseline) {
    g.drawString(text, centre - g.getFontMetrics().stringWidth(text) / 2, baseline);
  }

  /** "1 point", "12 points", with thousands separated. */
  static String points(long points) {
    return String.format(java.util.Locale.ROOT, "%,d", points) + (points == 1 ? " pt" : " pts");
  }
}
