package dev.sparring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code /spar} command: the subcommand name and its arguments. Arguments split on spaces;
 * double quotes (straight or curly) keep spaces inside one argument.
 */
public record Command(String name, List<String> args, Inbound.CommandInvoked source) {

  public Command {
    args = List.copyOf(args);
  }

  public static Command parse(Inbound.CommandInvoked in) {
    List<String> words = split(in.text());
    String name = words.isEmpty() ? "help" : words.get(0).toLowerCase(Locale.ROOT);
    return new Command(name, words.isEmpty() ? List.of() : words.subList(1, words.size()), in);
  }

  /** The argument at {@code i}, lower-cased, or "" when there is none. */
  public String arg(int i) {
    return i < args.size() ? args.get(i).toLowerCase(Locale.ROOT) : "";
  }

  /** Splits on whitespace; double quotes (straight or curly) keep spaces inside a value. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201c' || c == '\u201d') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(cur.toString());
    }
    return out;
  }
}
