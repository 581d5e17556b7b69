package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import dev.sparring.core.Agenda;
import dev.sparring.core.Context;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.store.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily question on a person's agenda: in each channel they are known in, the open question
 * (posted, not yet revealed) they have not answered, with the start of its prompt.
 */
final class DailyAgenda {

  /** How much of a question's prompt a reminder shows. */
  static final int PROMPT_CHARS = 160;

  private final Banks banks;

  DailyAgenda(Banks banks) {
    this.banks = banks;
  }

  List<Agenda.Item> today(Context ctx, Agenda.Day day) {
    List<Agenda.Item> items = new ArrayList<>();
    for (ChannelRef channel : day.channels()) {
      Optional<Document> open = DailyRecords.openPostDoc(ctx.tx(), channel.key());
      if (open.isEmpty()) {
        continue;
      }
      Post post = DailyRecords.post(open.get());
      if (post.revealedAt() != null
          || !post.team().equals(day.team().key())
          || DailyRecords.answer(ctx.tx(), post.anchor(), day.user().key()).isPresent()) {
        continue;
      }
      String prompt =
          banks
              .forTeam(ctx.tx(), post.team())
              .get(post.questionId())
              .map(Question::prompt)
              .map(p -> Texts.clip(Inline.plain(p).replace('\n', ' ').strip(), PROMPT_CHARS))
              .orElse("");
      items.add(
          new Agenda.Item(
              30,
              "**The daily question of "
                  + post.date()
                  + " waits for your answer** (in its thread, before the reveal)"
                  + (prompt.isEmpty() ? "." : ": " + Inline.data(prompt))));
    }
    return items;
  }
}
