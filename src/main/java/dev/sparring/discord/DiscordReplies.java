package dev.sparring.discord;

import dev.sparring.chat.Form;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Texts;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to the person who acted: an interaction gets its form, its ephemerals or a short notice
 * (pinging nobody); a thread message gets a reaction when its answer was accepted, else at most one
 * short reply per person and thread in a while.
 */
final class DiscordReplies {

  private static final Logger log = LoggerFactory.getLogger(DiscordReplies.class);

  private final Bot bot;
  private final ChatterLimit chatter;

  DiscordReplies(Bot bot, ChatterLimit chatter) {
    this.bot = bot;
    this.chatter = chatter;
  }

  /** A short ephemeral answer that pings nobody. */
  static void notice(IReplyCallback event, String text) {
    DiscordMentions.none(event.reply(text)).setEphemeral(true).queue();
  }

  /** Handles the event, then answers the interaction: a form, the ephemerals, or a short ack. */
  void answer(IReplyCallback event, Inbound in) {
    Bot.Result r;
    try {
      r = bot.handle(in);
    } catch (StoreException e) {
      log.warn("store failure on a Discord interaction: {}", e.getMessage());
      notice(
          event,
          "Sorry, Sparring cannot reach its database right now; nothing was changed. Please try"
              + " again in a minute.");
      return;
    }
    if (!r.forms().isEmpty() && event instanceof IModalCallback modal) {
      modal.replyModal(modal(r.forms().get(0))).queue();
      return;
    }
    if (r.ephemerals().isEmpty()) {
      notice(event, r.duplicate() ? "Already done." : "\u2713");
      return;
    }
    reply(event, r.ephemerals());
  }

  /**
   * The ephemerals as the interaction's answer, the first one's files attached (Discord shows files
   * in an ephemeral answer to the person only; an interaction's answer needs no Attach Files
   * permission, and files stay under Discord's size limit). An interaction is answered once: a
   * refused answer cannot be given again without its files, so it is logged.
   */
  private static void reply(IReplyCallback event, List<Outbound.Ephemeral> ephemerals) {
    List<MessageCreateData> parts = new ArrayList<>();
    for (Outbound.Ephemeral e : ephemerals) {
      parts.addAll(
          parts.isEmpty()
              ? DiscordRender.withFiles(e.message(), List.of())
              : DiscordRender.textOnly(e.message(), List.of()));
    }
    DiscordMentions.none(event.reply(parts.get(0)))
        .setEphemeral(true)
        .queue(
            hook -> {
              for (MessageCreateData more : parts.subList(1, parts.size())) {
                DiscordMentions.none(hook.sendMessage(more)).setEphemeral(true).queue();
              }
            },
            failure -> log.warn("Discord refused an answer: {}", failure.toString()));
  }

  /**
   * Answers a message in a thread. Discord has no private replies outside interactions: an accepted
   * answer gets a reaction, anything else a short reply to the author in the thread.
   */
  void inThread(MessageReceivedEvent event, String thread, Bot.Result r) {
    for (Outbound.Ephemeral e : r.ephemerals()) {
      String body = e.message().body();
      if (e.kind() == Outbound.Ephemeral.Kind.ANSWER_ACCEPTED) {
        event.getMessage().addReaction(Emoji.fromUnicode("\u2705")).queue();
      } else if (chatter.allow(event.getAuthor().getId(), thread)) {
        // Anyone can post in a thread as often as they like; the bot answers each person there
        // once per window, so chatter cannot make it post (or ping) at their pace.
        DiscordMentions.none(
                event.getMessage().reply(Texts.clip(DiscordRender.markdown(body), 2000)))
            .queue();
      }
    }
  }

  /** The Answer button's modal: one answer, for the thread started from the question. */
  static Modal answerModal(String thread) {
    return Modal.create(DiscordAdapter.ANSWER + "|" + thread, "Your answer")
        .addComponents(
            Label.of(
                "Answer",
                TextInput.create("answer", TextInputStyle.PARAGRAPH)
                    .setRequiredRange(1, 4000)
                    .setPlaceholder("Explain what you would do and why.")
                    .build()))
        .build();
  }

  /** A form as a modal, within Discord's lengths; its id carries the form's id and value. */
  static Modal modal(Form form) {
    Modal.Builder b = Modal.create(form.id() + "|" + form.value(), Texts.clip(form.title(), 45));
    for (Form.Input in : form.inputs()) {
      TextInput.Builder t =
          TextInput.create(
                  in.name(), in.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
              .setRequired(in.required());
      if (!in.initial().isEmpty()) {
        t.setValue(in.initial());
      }
      if (!in.placeholder().isEmpty()) {
        t.setPlaceholder(Texts.clip(in.placeholder(), 100));
      }
      if (in.maxLength() > 0) {
        t.setMaxLength(Math.min(4000, in.maxLength()));
      }
      b.addComponents(Label.of(Texts.clip(in.label(), 45), t.build()));
    }
    return b.build();
  }
}
