package dev.sparring.drill;

import dev.sparring.bank.Filter;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Feature.Help;
import java.util.List;

/** The words of {@code /spar drill}: its usage lines, and reading {@code stats} or a filter. */
final class DrillCommands {

  static final List<Help> HELP =
      List.of(
          Help.of(
              "drill [topic|pack|level]",
              "one question for you: due reviews first, then new ones (spaced repetition)"),
          Help.of(
              "drill weak [topic|pack|level]",
              "your weakest question: key points you missed in daily questions, interviews,"
                  + " competitions and drills"),
          Help.of("drill stats", "your drill progress: cards, due reviews, recall, weak points"));

  /**
   * What was asked: {@code stats}, a question from {@code filter} (the weakest with {@code weak}),
   * or nothing ({@code error}).
   */
  record Request(boolean stats, boolean weak, Filter filter, String error) {}

  private static final List<String> OPTIONS = List.of("stats", "weak");

  private DrillCommands() {}

  static Request read(QuestionBank bank, Command command) {
    if (command.arg(0).equals("stats")) {
      return new Request(true, false, null, null);
    }
    boolean weak = command.arg(0).equals("weak");
    List<String> words = weak ? command.args().subList(1, command.args().size()) : command.args();
    Filter.Parsed f = Filter.parse(bank, words);
    if (f.error() != null) {
      boolean near = !weak && Texts.closest(command.arg(0), OPTIONS) != null;
      return new Request(
          false,
          weak,
          null,
          near ? Texts.unknown("`drill` option", command.arg(0), "drill", OPTIONS, "") : f.error());
    }
    return new Request(false, weak, f.filter(), null);
  }
}
