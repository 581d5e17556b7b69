package dev.sparring.feedback;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.store.Dispute;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Disputes of a grade. A graded answer carries a Dispute button ({@link #button}); pressing it asks
 * which key point (or the score overall), then opens a form for the reason. Every step reads the
 * answer again from the store through the feature that graded it and checks that the person
 * pressing gave it, so a forged button cannot dispute someone else's answer; the form's ticket
 * binds the submission to that person. {@code /spar disputes} shows admins the latest.
 */
public final class Disputes implements Feature {

  static final String OPEN = "dispute.open";
  static final String PICK = "dispute.pick";
  static final String FORM = "dispute.form";

  /** Disputes shown per page of {@code /spar disputes}. */
  static final int PAGE = 10;

  private static final int MAX_KEY_POINTS = 24;
  private static final int MAX_QUOTE = 200;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final List<Disputable> sources;

  public Disputes(List<Disputable> sources) {
    this.sources = List.copyOf(sources);
  }

  /** The Dispute button for the graded answer {@code ref}. */
  public static Button button(String label, String ref) {
    return new Button(OPEN, label, ref, Button.Style.SECONDARY);
  }

  @Override
  public Set<String> commands() {
    return Set.of("disputes");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help(
            "disputes [PAGE]",
            "grades people disputed in this workspace, newest first, with their reasons",
            true));
  }

  @Override
  public String buttonPrefix() {
    return "dispute.";
  }

  // ---- the admins' list

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (!ctx.isAdmin(in.actor())) {
      ctx.out()
          .tell(
              in,
              "Only admins can see disputes (/spar disputes). Ask a workspace admin, or anyone on"
                  + " the bot's admin list.");
      return;
    }
    int page = 1;
    if (!command.arg(0).isEmpty()) {
      try {
        page = Integer.parseInt(command.arg(0));
      } catch (NumberFormatException e) {
        page = 0;
      }
      if (page < 1 || page > 1_000) {
        ctx.out()
            .tell(in, "Usage: `/spar disputes [PAGE]`, e.g. `/spar disputes 2` (1 is the newest).");
        return;
      }
    }
    String team = in.team().key();
    long total = ctx.tx().disputes().count(team);
    List<Dispute> shown = ctx.tx().disputes().latest(team, page * PAGE);
    shown = shown.subList(Math.min(shown.size(), (page - 1) * PAGE), shown.size());
    if (total == 0) {
      ctx.out().tell(in, "Nobody has disputed a grade in this workspace yet.");
      return;
    }
    if (shown.isEmpty()) {
      ctx.out().tell(in, "There are only " + pages(total) + " pages of disputes.");
      return;
    }
    List<String> lines = new ArrayList<>();
    for (Dispute d : shown) {
      lines.add(line(d));
    }
    long pages = pages(total);
    String body =
        Feedback.fit(lines, Feedback.MAX_BODY - 200, "disputes")
            + (page < pages
                ? "\n\n_Page "
                    + page
                    + " of "
                    + pages
                    + ": `/spar disputes "
                    + (page + 1)
                    + "` for older ones._"
                : pages > 1 ? "\n\n_Page " + page + " of " + pages + "._" : "");
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(
                total + (total == 1 ? " disputed grade" : " disputed grades") + ", newest first",
                body));
  }

  private static long pages(long total) {
    return (total + PAGE - 1) / PAGE;
  }

  /** One dispute as a bullet: who, when, which point, and their words set as data. */
  private static String line(Dispute d) {
    String who;
    try {
      who = Inline.mention(UserRef.parse(d.user()), "");
    } catch (IllegalArgumentException e) {
      who = Inline.data(d.user());
    }
    StringBuilder b =
        new StringBuilder("- ")
            .append(WHEN.format(d.at()))
            .append(" \u00b7 ")
            .append(who)
            .append(" \u00b7 `")
            .append(d.questionId())
            .append("` ")
            .append(d.step() == 0 ? "question" : "follow-up " + d.step())
            .append(" \u00b7 ")
            .append(
                d.overall()
                    ? "the score overall"
                    : "key point " + d.pointNo() + ": " + Inline.data(d.keyPoint()))
            .append("\n  Reason: ")
            .append(d.reason().isBlank() ? "_none given_" : quote(d.reason()))
            .append("\n  Answer: ")
            .append(quote(d.answer()));
    return b.toString();
  }

  private static String quote(String text) {
    String oneLine = Inline.clean(text).replaceAll("\\s+", " ").strip();
    return "\u201c" + Inline.data(Texts.clip(oneLine, MAX_QUOTE)) + "\u201d";
  }

  // ---- disputing

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(OPEN)) {
      subject(ctx, press, press.value()).ifPresent(s -> ask(ctx, press, s));
    } else if (press.action().equals(PICK)) {
      int bar = press.value().lastIndexOf('|');
      int point = bar < 0 ? -1 : number(press.value().substring(bar + 1));
      String ref = bar < 0 ? press.value() : press.value().substring(0, bar);
      Optional<DisputeSubject> s = subject(ctx, press, ref);
      if (s.isEmpty()) {
        return;
      }
      if (point < 0 || point > Math.min(MAX_KEY_POINTS, s.get().keyPoints().size())) {
        ctx.out().tell(press, "That is not one of the key points of this answer.");
        return;
      }
      ctx.out().form(form(s.get(), point));
    }
  }

  /** Asks which key point is disputed: one button per point, and one for the score overall. */
  private void ask(Context ctx, Inbound.ButtonPressed press, DisputeSubject s) {
    List<String> lines = new ArrayList<>();
    List<Button> buttons = new ArrayList<>();
    List<KeyPoint> points = s.keyPoints();
    for (int i = 0; i < Math.min(MAX_KEY_POINTS, points.size()); i++) {
      lines.add((i + 1) + ". " + points.get(i).shown());
      buttons.add(
          new Button(
              PICK, "Key point " + (i + 1), s.ref() + "|" + (i + 1), Button.Style.SECONDARY));
    }
    buttons.add(new Button(PICK, "The score overall", s.ref() + "|0", Button.Style.SECONDARY));
    String body =
        "Which part of the grade of your answer to `"
            + s.questionId()
            + "` ("
            + s.stepName()
            + ") do you dispute?\n"
            + Feedback.fit(
                lines.stream().flatMap(l -> Feedback.wrap(l, Feedback.MAX_LINE).stream()).toList(),
                Feedback.MAX_BODY - 300,
                "key points")
            + "\n_Admins and the pack's authors see disputes; nothing about your score changes._";
    ctx.out()
        .ephemeral(
            press.channel(),
            press.actor().user(),
            Message.of("Dispute a grade", body).withButtons(buttons));
  }

  private static Form form(DisputeSubject s, int point) {
    String what = point == 0 ? "the score overall" : "key point " + point;
    return new Form(
        FORM,
        "Dispute " + what,
        "Send",
        s.ref() + "|" + point,
        List.of(
            new Form.Input(
                "reason",
                "Why? (optional)",
                "What the grade missed or got wrong",
                "",
                true,
                Dispute.MAX_REASON,
                false)));
  }

  @Override
  public void modal(Context ctx, Inbound.ModalSubmitted submit) {
    if (!submit.modal().equals(FORM)) {
      return;
    }
    // The value comes from the form's ticket, stored when it was opened for this person.
    int bar = submit.value().lastIndexOf('|');
    if (bar < 0) {
      return;
    }
    int point = number(submit.value().substring(bar + 1));
    Optional<DisputeSubject> found = subject(ctx, submit, submit.value().substring(0, bar));
    if (found.isEmpty()) {
      return;
    }
    DisputeSubject s = found.get();
    if (point < 0 || point > s.keyPoints().size()) {
      ctx.out()
          .tell(submit, "That key point is no longer part of this question; nothing was done.");
      return;
    }
    String reason = Inline.clean(submit.fields().getOrDefault("reason", "")).strip();
    reason = Texts.clip(reason, Dispute.MAX_REASON);
    String keyPoint = point == 0 ? "" : s.keyPoints().get(point - 1).point();
    boolean added =
        ctx.tx()
            .disputes()
            .add(
                new Dispute(
                    s.team(),
                    s.channel(),
                    s.user(),
                    s.ref(),
                    s.questionId(),
                    s.step(),
                    point,
                    keyPoint,
                    s.answer(),
                    reason,
                    ctx.now()));
    String what = point == 0 ? "the score overall" : "key point " + point;
    ctx.out()
        .tell(
            submit,
            added
                ? "Thanks: your dispute of "
                    + what
                    + " on `"
                    + s.questionId()
                    + "` ("
                    + s.stepName()
                    + ") is recorded. Admins and the pack's authors will see it."
                : "You already disputed " + what + " of this answer; your first dispute stands.");
  }

  /**
   * The answer {@code ref} names, if {@code event}'s person gave it in this team and channel; else
   * empty, with the person told why.
   */
  private Optional<DisputeSubject> subject(Context ctx, Inbound.FromUser event, String ref) {
    UserRef who = event.actor().user();
    Optional<DisputeSubject> s =
        sources.stream()
            .filter(d -> ref.startsWith(d.disputePrefix()))
            .findFirst()
            .flatMap(d -> d.disputed(ctx, ref, who));
    if (s.isEmpty()) {
      ctx.out().tell(event, "There is no graded answer of yours there to dispute.");
      return Optional.empty();
    }
    if (!ctx.owns(event, s.get().team(), s.get().channel())) {
      return Optional.empty();
    }
    if (!s.get().user().equals(who.key())) {
      ctx.out().tell(event, "You can only dispute the grades of your own answers.");
      return Optional.empty();
    }
    return s;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
