package dev.sparring.testing;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team question suggested in the form and approved by an admin, as people do it in chat: the
 * fields of a good suggestion (an SQS question with two follow-ups, on the topics {@code
 * zebra-queues} and {@code retries}, which no file pack has) and the steps that make it the team's.
 */
public final class TeamQuestions {

  /** Words of the suggested question that no file pack has. */
  public static final String PROMPT = "How would you make a zebra SQS consumer safe to retry?";

  public static final String FOLLOW_UP_1 = "What happens to a zebra message that always fails?";
  public static final String FOLLOW_UP_2 = "How do you reprocess the zebra message after a fix?";

  /** A topic only the suggested question has. */
  public static final String TOPIC = "zebra-queues";

  /** An answer that covers every key point of the question itself. */
  public static final String GOOD_ANSWER =
      "Make the handler idempotent with a dedup table of processed ids, send poison messages to a"
          + " dead-letter queue (DLQ) and set the visibility timeout above the handler time.";

  /** Markup, pings, a link and a spoiler a person might type into a key point. */
  public static final String HOSTILE =
      "<!channel> *x* `y` @everyone <@U123> [link](http://x) ||spoiler|| **b**";

  /** A key point of the hostile question, markup and pings first: it is shown as typed. */
  public static final String HOSTILE_POINT = HOSTILE + " Make the handler idempotent.";

  /**
   * A key point far longer than the places that cut one (the verdict's next point to cover, the
   * pack report), markup at its start so the cut-off part carries it.
   */
  public static final String LONG_POINT =
      "**Keep** the processed message ids <!here> _in_ a durable table"
          + ", and keep each id long enough to outlast every redelivery of the message".repeat(5)
          + ".";

  /** A follow-up key point of the hostile question. */
  public static final String HOSTILE_FOLLOW_UP_POINT =
      "It moves to a *dead-letter* queue <@U123> after some receives.";

  /** A prompt longer than the places that clip one (a summary's 160, the archive's 300). */
  public static final String LONG_PROMPT =
      PROMPT + " Explain it" + ", step by step and with the reasons for each step".repeat(6) + ".";

  /** An answer to the hostile question that covers its first key point and no other. */
  public static final String FIRST_POINT_ANSWER =
      "Make the handler idempotent, so that a message handled twice leaves the same result as"
          + " handling it once.";

  private static final Pattern ID = Pattern.compile("`(team-[a-z0-9]+)`");

  private TeamQuestions() {}

  /** The suggestion form's fields, as a person fills them in. */
  public static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("prompt", PROMPT);
    f.put("level", "intermediate");
    f.put("topics", TOPIC + ", retries");
    f.put(
        "points",
        String.join(
            "\n",
            "Make the handler idempotent. | idempotent, dedup",
            "Keep processed message ids in a durable table. | processed ids, dedup table",
            "Send poison messages to a dead-letter queue. | dead-letter queue, DLQ",
            "Set the visibility timeout above the handler time. | visibility timeout"));
    f.put(
        "followups",
        String.join(
            "\n",
            FOLLOW_UP_1,
            "It moves to a dead-letter queue after some receives. | dead-letter queue, DLQ",
            "Alarm when the DLQ is not empty. | alarm, alert",
            "",
            FOLLOW_UP_2,
            "Redrive messages back to the source queue. | redrive, move back",
            "Fix the cause before redriving. | fix first, root cause"));
    return f;
  }

  /**
   * The form's fields of a question whose key points carry {@link #HOSTILE} markup and pings (one
   * of them {@link #LONG_POINT}) under the long prompt {@link #LONG_PROMPT}.
   */
  public static Map<String, String> hostileFields() {
    Map<String, String> f = fields();
    f.put("prompt", LONG_PROMPT);
    f.put(
        "points",
        String.join(
            "\n",
            HOSTILE_POINT + " | idempotent, dedup",
            LONG_POINT + " | processed ids, dedup table",
            "Send poison messages to a dead-letter queue. | dead-letter queue, DLQ",
            "Set the visibility timeout above the handler time. | visibility timeout"));
    f.put(
        "followups",
        String.join(
            "\n",
            FOLLOW_UP_1,
            HOSTILE_FOLLOW_UP_POINT + " | dead-letter queue, DLQ",
            "Alarm when the DLQ is not empty. | alarm, alert",
            "",
            FOLLOW_UP_2,
            "Redrive messages back to the source queue. | redrive, move back",
            "Fix the cause before redriving. | fix first, root cause"));
    return f;
  }

  /** The question id a "queued" or "approved" answer names. */
  public static String idIn(String said) {
    Matcher m = ID.matcher(said);
    if (!m.find()) {
      throw new AssertionError("no team question id in: " + said);
    }
    return m.group(1);
  }

  /**
   * {@code author} suggests the question in {@code team} and admin {@code admin} approves it from
   * the queue; returns the question's id.
   */
  public static String approve(
      Bot bot, TeamRef team, ChannelRef channel, String author, String admin) {
    return approve(bot, team, channel, author, admin, fields());
  }

  /**
   * As {@link #approve(Bot, TeamRef, ChannelRef, String, String)}, the form filled with {@code
   * fields}.
   */
  public static String approve(
      Bot bot,
      TeamRef team,
      ChannelRef channel,
      String author,
      String admin,
      Map<String, String> fields) {
    Actor writer = new Actor(Harness.user(author), author, false);
    Form form = bot.handle(command(team, channel, writer, "suggest")).forms().get(0);
    Bot.Result queued =
        bot.handle(
            new Inbound.ModalSubmitted(
                key(), team, channel, writer, form.id(), form.value(), fields));
    String id = idIn(queued.ephemerals().get(0).message().bodyText());
    Actor boss = new Actor(Harness.user(admin), admin, true);
    Bot.Result queue = bot.handle(command(team, channel, boss, "suggestions"));
    Message list = queue.ephemerals().get(0).message();
    Matcher row = Pattern.compile("(\\d+)\\. `" + id + "`").matcher(list.bodyText());
    if (!row.find()) {
      throw new AssertionError(id + " is not in the queue: " + list.bodyText());
    }
    String n = row.group(1);
    Message.Button approve =
        list.buttons().stream()
            .filter(b -> b.label().equals("Approve " + n))
            .findFirst()
            .orElseThrow();
    String said =
        bot.handle(
                new Inbound.ButtonPressed(
                    key(), team, channel, null, boss, approve.action(), approve.value()))
            .ephemerals()
            .get(0)
            .message()
            .bodyText();
    if (!said.startsWith("Approved `" + id + "`")) {
      throw new AssertionError("not approved: " + said);
    }
    return id;
  }

  private static Inbound.CommandInvoked command(
      TeamRef team, ChannelRef channel, Actor who, String text) {
    return new Inbound.CommandInvoked(key(), team, channel, who, text);
  }

  private static String key() {
    return "console:tq-" + UUID.randomUUID();
  }
}
