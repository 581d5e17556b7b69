package dev.sparring.slack;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;

/**
 * The pages a person sees during an install: plain HTML with a title, one or two sentences and a
 * link onwards (most often back to the start of the install). Every outcome of the install has its
 * wording here. Everything that comes from a request or from Slack is HTML-escaped here.
 */
final class OAuthPages {

  private final String startUrl;

  /** Pages whose "start again" link goes to {@code startUrl}. */
  OAuthPages(String startUrl) {
    this.startUrl = startUrl;
  }

  void storeDown(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        503,
        "Please try again in a minute",
        "Sparring cannot reach its database right now, so the install could not go on. Nothing"
            + " was changed.");
  }

  void tooManyInstalls(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        503,
        "Please try again in a few minutes",
        "Too many installs of Sparring are in progress right now.");
  }

  /** The redirect's own page, for a browser that does not follow it. */
  void continueToSlack(HttpServletResponse resp, String authorizeUrl) throws IOException {
    send(
        resp,
        302,
        "Continue to Slack",
        "Slack asks you to choose a workspace and allow Sparring in it.",
        authorizeUrl,
        "Continue to Slack");
  }

  void incomplete(HttpServletResponse resp) throws IOException {
    refuse(resp, 400, "This install link is incomplete");
  }

  void otherBrowser(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        403,
        "This install was started in another browser",
        "For your safety, an install must finish in the browser that started it (and with"
            + " cookies allowed). Please start again here.");
  }

  void usedOrInvalid(HttpServletResponse resp) throws IOException {
    refuse(resp, 403, "This install link was already used or is not valid");
  }

  void expired(HttpServletResponse resp, Duration ttl) throws IOException {
    startAgain(
        resp,
        403,
        "This install link has expired",
        "An install must be finished within "
            + ttl.toMinutes()
            + " minutes of starting it. Nothing was installed; please start again.");
  }

  void cancelled(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        200,
        "Install cancelled",
        "You cancelled the install, so Sparring was not added to your workspace. You can start"
            + " again whenever you like.");
  }

  /** Slack sent the browser back with an {@code error} instead of a code. */
  void slackError(HttpServletResponse resp, String error) throws IOException {
    startAgain(
        resp,
        400,
        "Slack could not finish the install",
        "Slack answered: " + cut(error) + ". Nothing was installed; please start again.");
  }

  void slackUnreachable(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        502,
        "Slack could not be reached",
        "Sparring could not finish the install with Slack. Nothing was installed; please try"
            + " again in a minute.");
  }

  /** oauth.v2.access refused the code. */
  void notAccepted(HttpServletResponse resp, String error) throws IOException {
    startAgain(
        resp,
        400,
        "Slack did not accept this install",
        "Slack answered: "
            + cut(error)
            + ". The link may have been used already. Nothing was installed; please start"
            + " again.");
  }

  void incompleteAnswer(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        502,
        "Slack's answer was incomplete",
        "Slack did not send what Sparring needs (a bot token for a workspace). Nothing was"
            + " installed; please start again.");
  }

  void notSaved(HttpServletResponse resp) throws IOException {
    startAgain(
        resp,
        500,
        "The install could not be saved",
        "Sparring could not save the installation. Nothing was installed; please try again.");
  }

  /** The install is done: {@code openUrl} leads to the app in Slack. */
  void installed(HttpServletResponse resp, String teamName, String openUrl) throws IOException {
    send(
        resp,
        200,
        "Sparring is installed",
        "Sparring is now installed in "
            + (teamName == null || teamName.isBlank() ? "your workspace" : cut(teamName))
            + ". Invite it to a channel with /invite @Sparring, then type /spar help there.",
        openUrl,
        "Open Slack");
  }

  private void refuse(HttpServletResponse resp, int status, String title) throws IOException {
    startAgain(
        resp,
        status,
        title,
        "Nothing was installed. Please start the install again from the beginning.");
  }

  private void startAgain(HttpServletResponse resp, int status, String title, String sentence)
      throws IOException {
    send(resp, status, title, sentence, startUrl, "Start the install again");
  }

  private static void send(
      HttpServletResponse resp,
      int status,
      String title,
      String sentence,
      String href,
      String linkText)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    // The redirect URL carries the code: never let it leak to the next page as a referrer.
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.getWriter().write(page(title, sentence, href, linkText));
  }

  /** Text from a request or from Slack, shortened for a page (it is escaped when rendered). */
  private static String cut(String s) {
    if (s == null) {
      return "an unknown error";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

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
