package dev.sparring.suggest;

import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.suggest.Suggestions.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words and the form of {@link Suggestions}. */
final class SuggestTexts {

  private SuggestTexts() {}

  static final String ADMINS_ONLY =
      "Only admins can review suggestions. Anyone can propose one with `/spar suggest`.";
  static final String USAGE =
      "Usage: `/spar suggestions`, `/spar suggestions export` or `/spar suggestions remove"
          + " <question-id>`.";
  static final String EMPTY =
      "No suggestions are waiting. Anyone can send one with `/spar suggest`.";
  static final String GONE = "That suggestion was already approved or rejected.";
  static final String NONE_APPROVED =
      "No suggestion has been approved yet, so the team pack is empty.";
  static final String EXPORT_HEADER =
      "# Team pack: questions suggested in chat and approved by an admin (`/spar suggestions`).\n"
          + "# Put this file in a folder named after the pack under `bank.paths`, then run\n"
          + "# `sparring validate`.\n"
          + "questions:\n";
  static final String EXPORT_HOW =
      "Put the file in a pack folder under `bank.paths` and run `sparring validate` to serve it.";

  /** The suggestion form, filled with {@code before} (a draft that did not pass). */
  static Form form(Map<String, String> before) {
    return new Form(
        Suggestions.FORM,
        "Suggest a question",
        "Send to admins",
        "",
        List.of(
            new Form.Input(
                Drafts.PROMPT,
                "Question",
                "How would you make an SQS consumer safe to retry?",
                before.getOrDefault(Drafts.PROMPT, ""),
                true,
                1000),
            new Form.Input(
                Drafts.LEVEL,
                "Level: beginner to senior",
                "beginner, intermediate, advanced or senior",
                before.getOrDefault(Drafts.LEVEL, ""),
                false,
                20),
            new Form.Input(
                Drafts.TOPICS,
                "Topics, comma-separated (1 to 3)",
                "queues, retries",
                before.getOrDefault(Drafts.TOPICS, ""),
                false,
                100),
            new Form.Input(
                Drafts.POINTS,
                "Key points: point | terms, one per line",
                "4+ lines (6 for senior), e.g. Make the handler idempotent. | idempotent, dedup",
                before.getOrDefault(Drafts.POINTS, ""),
                true,
                3000),
            new Form.Input(
                Drafts.FOLLOW_UPS,
                "Follow-ups: question, then its key points",
                "2+ follow-ups (3 for senior), a blank line between; key points as above",
                before.getOrDefault(Drafts.FOLLOW_UPS, ""),
                true,
                3000)));
  }

  static String refused(List<String> errors) {
    List<String> shown = errors.subList(0, Math.min(8, errors.size()));
    return "Your suggestion was not sent yet:\n- "
        + String.join("\n- ", shown)
        + (errors.size() > shown.size()
            ? "\n- \u2026and " + (errors.size() - shown.size()) + " more"
            : "")
        + "\nRun `/spar suggest` again: the form keeps what you typed.";
  }

  static String queued(String id) {
    return "Thanks! Your question `" + id + "` is waiting for an admin (`/spar suggestions`).";
  }

  static String approved(Suggestion s) {
    return "Approved `"
        + s.id()
        + "`: it is in this team's pack and asked here from now on (`/spar interview "
        + s.id()
        + "`, or `team` as a pack in `/spar interview`, `drill`, `daily on` and `compete start`).";
  }

  static String clash(Suggestion s) {
    return "`"
        + s.id()
        + "` cannot be approved: a question pack now has a question with that id. Reject it and"
        + " ask for it to be suggested again.";
  }

  static String removed(String id) {
    return "Removed `"
        + id
        + "` from this team's pack: it is no longer asked. Answers already given keep their"
        + " grades and points.";
  }

  static String notApproved(String id) {
    return "No approved question "
        + Inline.code(id, 40)
        + " in this team. `/spar questions team` lists the team's questions.";
  }

  static String rejected(Suggestion s) {
    return "Rejected `" + s.id() + "`.";
  }

  static String exported(int n) {
    return "The team pack (" + n + " question(s)) is posted in this channel as team-pack.yaml.";
  }

  /** The queue: each suggestion with its author, the start of its question, and two buttons. */
  static Message queue(List<Suggestion> shown, List<String> docIds, boolean more) {
    List<String> lines = new ArrayList<>();
    List<Message.Button> buttons = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      Suggestion s = shown.get(i);
      lines.add(
          (i + 1)
              + ". `"
              + s.id()
              + "` by "
              + Inline.data(Inline.name(s.name(), Inline.MAX_NAME))
              + ": "
              + Inline.data(Texts.clip(s.prompt(), 200)));
      buttons.add(
          new Message.Button(
              Suggestions.APPROVE,
              "Approve " + (i + 1),
              docIds.get(i),
              Message.Button.Style.PRIMARY));
      buttons.add(
          new Message.Button(
              Suggestions.REJECT, "Reject " + (i + 1), docIds.get(i), Message.Button.Style.DANGER));
    }
    if (more) {
      lines.add("_More are waiting: approve or reject these to see them._");
    }
    return new Message("Suggested questions", String.join("\n", lines), List.of(), buttons);
  }
}
