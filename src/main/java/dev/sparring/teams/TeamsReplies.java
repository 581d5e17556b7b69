package dev.sparring.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a message command in its conversation: Teams has no messages visible to one person in a
 * channel, so the bot's answer to a command is a reply to it (in a channel, in the command's own
 * thread). A form cannot open from a message (only from a card's button), so a command that asks
 * for one gets a card with a button that opens it as a dialog; the form waits here for an hour.
 * What the bot says to one person about their message in a thread goes to their 1:1 chat.
 */
final class TeamsReplies {

  private static final Logger log = LoggerFactory.getLogger(TeamsReplies.class);
  private static final Duration FORM_FOR = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private record Pending(Form form, Instant until) {}

  private final TeamsConnector connector;
  private final Clock clock;
  private final Map<String, Pending> forms = new ConcurrentHashMap<>();

  TeamsReplies(TeamsConnector connector, Clock clock) {
    this.connector = connector;
    this.clock = clock;
  }

  /** Replies to activity {@code activityId} with what the bot said and buttons for its forms. */
  void answer(
      TeamsActivities.Where w, String activityId, List<Outbound.Ephemeral> said, List<Form> asked) {
    for (Outbound.Ephemeral e : said) {
      TeamsCards.render(e.message()).forEach(part -> send(w, activityId, part));
    }
    offerForms(w, activityId, asked);
  }

  /**
   * What the bot said to one person about their message in a thread (an answer taken), in their 1:1
   * chat with the bot: a reply in the thread would show it to everyone.
   */
  void answerPrivately(TeamsActivities.Where w, String user, List<Outbound.Ephemeral> said) {
    if (said.isEmpty()) {
      return;
    }
    ObjectNode params = JSON.createObjectNode();
    params.put("isGroup", false);
    params.putArray("members").addObject().put("id", user);
    params.put("tenantId", w.tenant());
    params.putObject("channelData").putObject("tenant").put("id", w.tenant());
    try {
      TeamsConnector.Answer chat = connector.createConversation(w.serviceUrl(), params);
      String id = chat.body().path("id").asText("");
      if (!chat.ok() || id.isEmpty()) {
        log.info("Teams refused a 1:1 chat for a private answer: {}", chat.status());
        return;
      }
      for (Outbound.Ephemeral e : said) {
        for (ObjectNode part : TeamsCards.render(e.message())) {
          connector.send(w.serviceUrl(), id, part);
        }
      }
    } catch (IOException e) {
      log.info("Teams private answer not sent: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void offerForms(TeamsActivities.Where w, String activityId, List<Form> asked) {
    for (Form form : asked) {
      String token = HexFormat.of().formatHex(bytes());
      forms.put(token, new Pending(form, clock.instant().plus(FORM_FOR)));
      Message open =
          new Message(
              form.title(),
              "",
              List.of(),
              List.of(new Message.Button("openform", form.title(), token, null)));
      ObjectNode card = TeamsCards.render(open).get(0);
      // The button opens the stored form, not a press of the bot's features.
      ObjectNode data =
          (ObjectNode)
              card.path("attachments").get(0).path("content").path("actions").get(0).path("data");
      data.put("sparring", "openform").put("token", token).remove(List.of("action", "value"));
      send(w, activityId, card);
    }
    forms.values().removeIf(p -> p.until().isBefore(clock.instant()));
  }

  /** The form a command asked for, by the token on its button; null once expired. */
  Form pendingForm(String token) {
    Pending p = forms.get(token);
    return p == null || p.until().isBefore(clock.instant()) ? null : p.form();
  }

  private static byte[] bytes() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }

  private void send(TeamsActivities.Where w, String activityId, ObjectNode part) {
    try {
      TeamsConnector.Answer a =
          w.thread() == null && "channel".equals(w.type())
              ? connector.reply(w.serviceUrl(), w.conversation(), activityId, part)
              : connector.send(w.serviceUrl(), w.conversation(), part);
      if (!a.ok()) {
        log.info("Teams refused the answer to a command: {}", a.status());
      }
    } catch (IOException e) {
      log.info("Teams answer to a command not sent: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
