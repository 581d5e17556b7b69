package dev.sparring.interview;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import dev.sparring.core.Feature.Help;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of {@code /spar interview}, {@code questions} and {@code topics}: their usage lines,
 * and reading {@code [question-id | pack [level] | level | topic]} into the questions they choose.
 */
final class InterviewCommands {

  static final List<Help> HELP =
      List.of(
          Help.of(
              "interview [question-id | pack [level] | level | topic]",
              "start a mock interview in a thread; each reply brings the next follow-up"),
          Help.of("interview stop", "end your interview now, with a summary of what you answered"),
          Help.of(
              "interview resume [question-id]",
              "reopen your latest expired interview where it stopped, in its thread"),
          Help.of("questions [pack] [level] [topic]", "list question ids you can interview on"),
          Help.of("topics", "the packs, levels and topics you can ask for, with question counts"));

  /** The questions some words choose, or (with no questions) what is wrong with the words. */
  record Selection(List<Question> candidates, String error) {}

  private final QuestionBank bank;

  InterviewCommands(QuestionBank bank) {
    this.bank = bank;
  }

  /** Reads {@code [question-id | pack [level] | level | topic]} in any order. */
  Selection select(List<String> args) {
    if (args.size() == 1) {
      Optional<Question> exact = bank.get(args.get(0));
      if (exact.isPresent()) {
        return new Selection(List.of(exact.get()), null);
      }
    }
    Filter.Parsed parsed = Filter.parse(bank, args);
    if (parsed.error() != null) {
      return new Selection(List.of(), unknown(refused(args)));
    }
    List<Question> candidates = parsed.filter().select(bank);
    if (candidates.isEmpty()) {
      return new Selection(
          List.of(),
          bank.size() == 0
              ? "No questions are loaded. Check `bank.paths` in the config."
              : parsed
                  .filter()
                  .nothingMatches(
                      bank,
                      "No questions match "
                          + Inline.code(String.join(" ", args), 80)
                          + ". Try `/spar questions`."));
    }
    return new Selection(candidates, null);
  }

  /** Every question, for {@code /spar questions} without words. */
  Selection all() {
    return new Selection(bank.questions(), null);
  }

  /**
   * The word {@link Filter#parse} refused (it says which only in its own wording): the last of the
   * shortest run of words it refuses.
   */
  private String refused(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      boolean keyword =
          Filter.KEYWORDS.contains(args.get(i).toLowerCase(Locale.ROOT)) && i + 1 < args.size();
      if (!keyword && Filter.parse(bank, args.subList(0, i + 1)).error() != null) {
        return args.get(i);
      }
    }
    throw new IllegalStateException("no word refused in " + args);
  }

  /** A word that is no question, pack, level or topic, with the question id it may be a typo of. */
  private String unknown(String word) {
    String best = null;
    int bestDistance = 3;
    for (Question q : bank.questions()) {
      int d = Texts.distance(word.toLowerCase(Locale.ROOT), q.id());
      if (d < bestDistance) {
        best = q.id();
        bestDistance = d;
      }
    }
    return "No question, pack, level or topic called "
        + Inline.code(word, 60)
        + "."
        + (best == null ? "" : " Did you mean `" + best + "`?")
        + " "
        + Filter.catalog(bank)
        + " `/spar questions` lists ids.";
  }
}
