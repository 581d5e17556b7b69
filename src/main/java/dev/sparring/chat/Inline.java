package dev.sparring.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps text that came from people (display names, competition names, answers, echoed arguments)
 * apart from the bot's own markup inside a message body, so each adapter can escape it for its
 * platform: Slack's {@code &}, {@code <} and {@code >}, Discord's markdown and mentions.
 *
 * <p>Features wrap such text with {@link #data} and name people with {@link #mention}; both become
 * spans delimited by private-use characters, which {@link #clean} removes from everything that
 * arrives from outside, so a person can never open or close a span. An adapter turns a body into
 * its platform's text with {@link #render} and a {@link Style}.
 */
public final class Inline {

  private static final char DATA = '\uE000';
  private static final char MENTION = '\uE002';
  private static final char END = '\uE001';
  private static final char NAME = '\uE003';

  /** The longest display name shown; longer ones are cut with an ellipsis. */
  public static final int MAX_NAME = 80;

  // Bidirectional overrides and isolates, and invisible characters that only serve to disguise.
  private static final Pattern INVISIBLE =
      Pattern.compile(
          "[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C\\u200B\\u2060\\uFEFF"
              + "\\u180E\\u00AD\\u034F\\u115F\\u1160\\u3164\\uFFA0\\uE000-\\uF8FF]");
  // Zero-width joiners between ASCII characters ("ad\u200Dmin") disguise; inside emoji they join.
  private static final Pattern ASCII_JOINER =
      Pattern.compile("(?<=[\\x00-\\x7F])[\\u200C\\u200D]|[\\u200C\\u200D](?=[\\x00-\\x7F])");
  private static final Pattern OTHER_CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  private Inline() {}

  /**
   * Text from outside with the characters that disguise or break layout removed: bidirectional
   * controls, zero-width spaces, the private-use range (so spans cannot be forged), and control
   * characters other than line breaks and tabs.
   */
  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String t = INVISIBLE.matcher(text).replaceAll("");
    t = ASCII_JOINER.matcher(t).replaceAll("");
    return OTHER_CONTROLS.matcher(t).replaceAll("");
  }

  /**
   * A name fit to show: {@link #clean}ed, on one line, whitespace collapsed, at most {@code max}
   * characters; empty when nothing visible is left (callers supply a fallback or refuse it).
   */
  public static String name(String text, int max) {
    String t = clean(text).replaceAll("\\s+", " ").strip();
    return Texts.clip(t, max);
  }

  /**
   * {@code text} from outside without the span delimiters, so nothing a person sends can pose as
   * the bot's own spans (a forged mention, say) wherever it is later shown. Every inbound event's
   * text goes through this.
   */
  public static String unspanned(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= DATA && c <= NAME) {
        return SPAN_CHARS.matcher(text).replaceAll("");
      }
    }
    return text;
  }

  /** Whether {@code text} holds any span delimiter: a body with spans rather than plain text. */
  public static boolean spanned(String text) {
    return text != null && !unspanned(text).equals(text);
  }

  private static final Pattern SPAN_CHARS = Pattern.compile("[\\uE000-\\uE003]");

  /** {@code text} from a person, shown as it is on every platform: never markup, never a ping. */
  public static String data(String text) {
    return DATA + clean(text) + END;
  }

  /**
   * {@code head}, the start of a body cut short, with the span it leaves open closed: what is
   * appended after it (an ellipsis aside, a note) stays the bot's own text.
   */
  public static String closed(String head) {
    return open(head) ? head + END : head;
  }

  /**
   * The pieces of one body cut in order (the lines of a wrapped paragraph), each whole: a piece
   * that leaves a span open is closed there, and the next piece goes on with the rest of it as
   * data. Pieces that are shown apart, or dropped, then never leave a span open nor end another's.
   */
  public static List<String> balanced(List<String> pieces) {
    List<String> out = new ArrayList<>(pieces.size());
    boolean carried = false;
    for (String p : pieces) {
      String piece = carried ? DATA + p : p;
      carried = open(piece);
      out.add(carried ? piece + END : piece);
    }
    return out;
  }

  /** Whether {@code text} ends inside a span: one opened and not closed. */
  static boolean open(String text) {
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == DATA || c == MENTION) {
        open = true;
      } else if (c == END) {
        open = false;
      }
    }
    return open;
  }

  /** A person named in a message: a real mention where the platform has them, else the name. */
  public static String mention(UserRef user, String displayName) {
    String name = name(displayName, MAX_NAME);
    return MENTION + user.key() + NAME + (name.isEmpty() ? user.id() : name) + END;
  }

  /** {@code text} from a person, clipped to {@code max} and set in code: {@code `text`}. */
  public static String code(String text, int max) {
    return "`" + data(Texts.clip(text, max)) + "`";
  }

  /** How a platform writes the three kinds of text in a body. */
  public interface Style {
    /** The bot's own markdown-ish text. */
    String bot(String text);

    /** Text from a person; {@code inCode} when it sits inside a {@code `code`} span. */
    String data(String text, boolean inCode);

    /** A person: {@code user} when it could be parsed, else null, with a display name. */
    String mention(UserRef user, String name, boolean inCode);
  }

  /** {@code body} in the platform's text, each span written by {@code style}. */
  public static String render(String body, Style style) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(body.length() + 16);
    boolean inCode = false;
    int i = 0;
    int n = body.length();
    while (i < n) {
      int next = nextSpan(body, i);
      if (next > i) {
        String bot = stray(body.substring(i, next));
        inCode ^= (count(bot, '`') % 2) == 1;
        out.append(style.bot(bot));
      }
      if (next >= n) {
        break;
      }
      char kind = body.charAt(next);
      int end = body.indexOf(END, next + 1);
      if (end < 0) {
        end = n; // a span cut off by clipping runs to the end
      }
      String inner = body.substring(next + 1, end);
      if (kind == DATA) {
        out.append(style.data(stray(inner), inCode));
      } else {
        int sep = inner.indexOf(NAME);
        String key = stray(sep < 0 ? inner : inner.substring(0, sep));
        String name = stray(sep < 0 ? "" : inner.substring(sep + 1));
        UserRef user = parseUser(key);
        out.append(style.mention(user, name.isEmpty() && user != null ? user.id() : name, inCode));
      }
      i = Math.min(n, end + 1);
    }
    return out.toString();
  }

  /** {@code body} as plain text: spans unwrapped, people by name, bold markers gone. */
  public static String plain(String body) {
    return render(body, PLAIN);
  }

  /** {@code body} in the core's markdown-ish with the spans unwrapped: people by bare name. */
  public static String unwrap(String body) {
    return render(body, UNWRAPPED);
  }

  private static final Style UNWRAPPED =
      new Style() {
        @Override
        public String bot(String text) {
          return text;
        }

        @Override
        public String data(String text, boolean inCode) {
          return text;
        }

        @Override
        public String mention(UserRef user, String name, boolean inCode) {
          return name;
        }
      };

  /** Plain text with nothing escaped: the console, and places a platform shows literally. */
  public static final Style PLAIN =
      new Style() {
        @Override
        public String bot(String text) {
          return text.replace("**", "");
        }

        @Override
        public String data(String text, boolean inCode) {
          return text;
        }

        @Override
        public String mention(UserRef user, String name, boolean inCode) {
          return "@" + name;
        }
      };

  private static int nextSpan(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == DATA || c == MENTION) {
        return i;
      }
    }
    return s.length();
  }

  /** A stray delimiter (a span clipped in half) is dropped rather than shown. */
  private static String stray(String s) {
    if (s.indexOf(END) < 0 && s.indexOf(NAME) < 0 && s.indexOf(DATA) < 0) {
      return s;
    }
    return s.replace(String.valueOf(END), "")
        .replace(String.valueOf(DATA), "")
        .replace(String.valueOf(NAME), "");
  }

  private static int count(String s, char c) {
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        k++;
      }
    }
    return k;
  }

  private static UserRef parseUser(String key) {
    try {
      return UserRef.parse(key);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
