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
          Help.of("drill stats", "your drill progress: cards, due reviews, retention"));

  /** What was asked: {@code stats}, a question from {@code filter}, or nothing ({@code error}). */
  record Request(boolean stats, Filter filter, String error) {}

  private DrillCommands() {}

  static Request read(QuestionBank bank, Command command) {
    if (command.arg(0).equals("stats")) {
      return new Request(true, null, null);
    }
    Filter.Parsed f = Filter.parse(bank, command.args());
    if (f.error() != null) {
      boolean nearStats = Texts.closest(command.arg(0), List.of("stats")) != null;
      return new Request(
          false,
          null,
          nearStats
              ? Texts.unknown("`drill` option", command.arg(0), "drill", List.of("stats"), "")
              : f.error());
    }
    return new Request(false, f.filter(), null);
  }
}
