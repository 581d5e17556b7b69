package dev.sparring.slack;

/**
 * The pages a person sees during an install: plain HTML with a title, one or two sentences and a
 * link onwards. Everything that comes from a request or from Slack is HTML-escaped here.
 */
final class OAuthPages {

  private OAuthPages() {}

  /** A page; {@code sentence} and {@code linkText} are plain text, {@code href} a URL. */
  static String page(String title, String sentence, String href, String linkText) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;"
        + "padding:0 1em;line-height:1.5;color:#1d1c1d}a{color:#1264a3}</style>"
        + "</head><body><h1>"
        + escape(title)
        + "</h1><p>"
        + escape(sentence)
        + "</p>"
        + (href == null
            ? ""
            : "<p><a href=\"" + escape(href) + "\">" + escape(linkText) + "</a></p>")
        + "</body></html>\n";
  }

  /** Text safe inside HTML elements and double-quoted attributes. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
