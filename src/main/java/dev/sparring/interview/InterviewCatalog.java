package dev.sparring.interview;

import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import java.util.List;

/**
 * The catalogue listings: {@code /spar questions} (question ids with level, topics and prompt) and
 * {@code /spar topics} (everything a filter word can be, with how many questions each has).
 */
final class InterviewCatalog {

  private InterviewCatalog() {}

  /** The questions, one line each. */
  static Message questions(List<Question> questions) {
    StringBuilder body = new StringBuilder();
    for (Question q : questions) {
      body.append("- `")
          .append(q.id())
          .append("` ")
          .append(q.level().label())
          .append(q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics()))
          .append(": ")
          .append(Texts.clip(q.prompt(), 90))
          .append('\n');
    }
    return Message.of(questions.size() + " questions", body.toString().strip());
  }

  /** The packs, levels and topics of {@code bank}, each with its question count. */
  static Message topics(QuestionBank bank) {
    StringBuilder b = new StringBuilder("**Packs**\n");
    for (String pack : bank.packs()) {
      b.append("- ").append(pack).append(count(bank.select(pack, null, null).size())).append('\n');
    }
    b.append("\n**Levels**\n");
    for (Level level : Level.values()) {
      b.append("- ")
          .append(level.label())
          .append(count(bank.select(null, level, null).size()))
          .append('\n');
    }
    b.append("\n**Topics**\n");
    if (bank.topics().isEmpty()) {
      b.append("- none yet\n");
    }
    for (String topic : bank.topics()) {
      b.append("- ")
          .append(topic)
          .append(count(bank.select(null, null, topic).size()))
          .append('\n');
    }
    b.append(
        "\nUse any of them, in any order, with `/spar interview`, `/spar drill`, `/spar questions`,"
            + " `/spar daily on` and `/spar compete start`, e.g. `/spar drill senior`.");
    return Message.of("What you can ask for", b.toString());
  }

  private static String count(int n) {
    return " (" + n + (n == 1 ? " question)" : " questions)");
  }
}
