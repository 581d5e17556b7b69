package dev.sparring.slack;

import com.slack.api.model.event.Event;

/**
 * A {@code /me} message ({@code message} with subtype {@code me_message}). Bolt's own model of it
 * has no {@code thread_ts}, but a {@code /me} reply in a thread carries one, and it is an answer
 * like any other reply. Public only because Bolt creates one reflectively to learn its type.
 */
public final class SlackMeMessage implements Event {

  static final String TYPE_NAME = "message";
  static final String SUBTYPE_NAME = "me_message";

  private String channel;
  private String user;
  private String botId;
  private String text;
  private String ts;
  private String threadTs;

  public SlackMeMessage() {}

  @Override
  public String getType() {
    return TYPE_NAME;
  }

  @Override
  public String getSubtype() {
    return SUBTYPE_NAME;
  }

  String channel() {
    return channel;
  }

  String user() {
    return user;
  }

  String botId() {
    return botId;
  }

  String text() {
    return text;
  }

  String ts() {
    return ts;
  }

  String threadTs() {
    return threadTs;
  }
}
