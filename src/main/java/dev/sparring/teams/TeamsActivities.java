package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authenticated activities as {@link Inbound} events. A message that mentions the bot at the top of
 * a channel (or any message in a 1:1 or group chat) is a command; a message in a channel thread is
 * a {@link Inbound.MessagePosted} in that thread. Card buttons arrive as {@code task/fetch} invokes
 * (a press, answered privately in a dialog, or a form opened as one) and submitted dialogs as
 * {@code task/submit}. Installs and every activity record the conversation reference that later
 * proactive messages use.
 */
final class TeamsActivities {

  static final String THREAD = ";messageid=";
  private static final Set<String> FIELDS = Set.of("msteams", "sparring", "form", "value");

  private final Bot bot;
  private final TeamsPeople people;
  private final TeamsReferences references;
  private final TeamsReplies replies;

  TeamsActivities(Bot bot, TeamsPeople people, TeamsReferences references, TeamsReplies replies) {
    this.bot = bot;
    this.people = people;
    this.references = references;
    this.replies = replies;
  }

  /** Handles {@code a}; the body of the HTTP answer for an invoke, else null. */
  JsonNode handle(JsonNode a) {
    String conversation = a.path("conversation").path("id").asText("");
    if (conversation.isEmpty()) {
      return null;
    }
    Where where = where(a, conversation);
    references.remember(
        where.channel,
        new TeamsReferences.Ref(where.serviceUrl, where.tenant, where.team, where.type));
    return switch (a.path("type").asText("")) {
      case "message" -> {
        message(a, where);
        yield null;
      }
      case "invoke" -> invoke(a, where);
      default -> null; // conversationUpdate, installationUpdate: the reference is what counts
    };
  }

  /** Where an activity happened. */
  record Where(
      String serviceUrl,
      String tenant,
      String team,
      String channel,
      String thread,
      String type,
      String conversation) {
    TeamRef teamRef() {
      return new TeamRef(TeamsModule.PLATFORM, team != null ? team : tenant);
    }

    ChannelRef channelRef() {
      return new ChannelRef(TeamsModule.PLATFORM, channel);
    }
  }

  private static Where where(JsonNode a, String conversation) {
    JsonNode data = a.path("channelData");
    String tenant =
        text(a.path("conversation").path("tenantId"), text(data.path("tenant").path("id"), "none"));
    String team = text(data.path("team").path("id"), null);
    int at = conversation.indexOf(THREAD);
    String base = at < 0 ? conversation : conversation.substring(0, at);
    String thread = at < 0 ? null : conversation.substring(at + THREAD.length());
    String type =
        text(
            a.path("conversation").path("conversationType"),
            data.path("channel").isObject() ? "channel" : "personal");
    return new Where(
        a.path("serviceUrl").asText(""), tenant, team, base, thread, type, conversation);
  }

  private static String text(JsonNode n, String fallback) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : fallback;
  }

  private Actor actor(JsonNode a, Where w, boolean checkRole) {
    JsonNode from = a.path("from");
    return people.actor(
        from.path("id").asText(),
        text(from.path("aadObjectId"), null),
        from.path("name").asText(""),
        w.serviceUrl,
        w.team,
        checkRole);
  }

  private void message(JsonNode a, Where w) {
    JsonNode from = a.path("from");
    if (from.path("id").asText("").isEmpty() || a.path("id").asText("").isEmpty()) {
      return;
    }
    String key = "teams:" + w.conversation + "/" + a.path("id").asText();
    String text = TeamsText.of(a);
    Inbound event;
    if ("channel".equals(w.type) && w.thread != null) {
      event =
          new Inbound.MessagePosted(
              key,
              w.teamRef(),
              w.channelRef(),
              new ThreadRef(TeamsModule.PLATFORM, w.thread),
              actor(a, w, false),
              text);
    } else if (!"channel".equals(w.type) || TeamsText.mentionsBot(a)) {
      event =
          new Inbound.CommandInvoked(
              key, w.teamRef(), w.channelRef(), actor(a, w, true), TeamsText.command(text));
    } else {
      return; // a channel post for people, not for the bot
    }
    Bot.Result r = bot.handle(event);
    r.after().forEach(Runnable::run);
    if (event instanceof Inbound.MessagePosted) {
      replies.answerPrivately(w, from.path("id").asText(), r.ephemerals());
    } else {
      replies.answer(w, a.path("id").asText(), r.ephemerals(), r.forms());
    }
  }

  private JsonNode invoke(JsonNode a, Where w) {
    String name = a.path("name").asText("");
    JsonNode value = a.path("value");
    JsonNode data = value.has("data") ? value.path("data") : value;
    String key = "teams:" + w.conversation + "/" + a.path("id").asText("");
    String kind = data.path("sparring").asText("");
    if ("task/fetch".equals(name) && "openform".equals(kind)) {
      Form form = replies.pendingForm(data.path("token").asText(""));
      return form == null
          ? TeamsCards.notice("This form has expired: please run the command again.")
          : TeamsCards.dialog(form, w.channelRef().key());
    }
    Inbound event;
    if ("task/fetch".equals(name) && "button".equals(kind)) {
      String thread = w.thread != null ? w.thread : text(a.path("replyToId"), null);
      event =
          new Inbound.ButtonPressed(
              key,
              w.teamRef(),
              w.channelRef(),
              thread == null ? null : new ThreadRef(TeamsModule.PLATFORM, thread),
              actor(a, w, true),
              data.path("action").asText(""),
              data.path("value").asText(""));
    } else if ("task/submit".equals(name) && "form".equals(kind)) {
      Map<String, String> fields = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!FIELDS.contains(f.getKey()) && f.getValue().isValueNode()) {
          fields.put(f.getKey(), f.getValue().asText());
        }
      }
      event =
          new Inbound.ModalSubmitted(
              key,
              w.teamRef(),
              w.channelRef(),
              actor(a, w, true),
              data.path("form").asText(""),
              data.path("value").asText(""),
              fields);
    } else {
      return TeamsCards.notice("Sparring does not know this action.");
    }
    Bot.Result r = bot.handle(event);
    r.after().forEach(Runnable::run);
    return invokeAnswer(r, w, "task/fetch".equals(name));
  }

  private static JsonNode invokeAnswer(Bot.Result r, Where w, boolean fetch) {
    if (!r.forms().isEmpty()) {
      return TeamsCards.dialog(r.forms().get(0), w.channelRef().key());
    }
    List<Outbound.Ephemeral> said = r.ephemerals();
    if (!said.isEmpty()) {
      StringBuilder text = new StringBuilder();
      for (Outbound.Ephemeral e : said) {
        Message m = e.message();
        String title = dev.sparring.chat.Inline.plain(m.title());
        text.append(title.isBlank() ? "" : title + "\n")
            .append(dev.sparring.chat.Inline.plain(m.body()))
            .append('\n');
      }
      return TeamsCards.notice(text.toString().strip());
    }
    if (r.duplicate()) {
      return TeamsCards.notice("Already done.");
    }
    // A submitted dialog closes with nothing to say; a press says it was taken.
    return fetch ? TeamsCards.notice("Done.") : null;
  }
}
