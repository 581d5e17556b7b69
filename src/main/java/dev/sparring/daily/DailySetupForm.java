package dev.sparring.daily;

import dev.sparring.chat.Form;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code daily setup}: the schedule as a form, filled with the current settings; a submitted form
 * is read as the {@code daily on ...} command it spells.
 */
final class DailySetupForm {

  private DailySetupForm() {}

  /** Shows the form, filled with the channel's schedule (or the defaults). */
  static void show(Context ctx, Inbound.CommandInvoked in) {
    Optional<Schedule> s = DailyRecords.schedule(ctx.tx(), in.channel().key());
    String filter =
        s.map(x -> x.filter().isAll() ? "" : x.filter().describe().replace(" \u00b7 ", " "))
            .orElse("");
    ctx.out()
        .form(
            new Form(
                DailyQuestions.FORM,
                "Daily question",
                "Save",
                in.channel().key(),
                List.of(
                    new Form.Input(
                        "time",
                        "Time (HH:MM)",
                        "09:30",
                        s.map(x -> x.time().toString()).orElse("09:30"),
                        false,
                        5),
                    new Form.Input(
                        "zone",
                        "Time zone (IANA)",
                        "Europe/Berlin",
                        s.map(Schedule::zone).orElse(""),
                        false,
                        60),
                    new Form.Input(
                        "days",
                        "Days",
                        "mon-fri",
                        s.map(Schedule::describeDays)
                            .orElse("mon-fri")
                            .replace(", ", ",")
                            .replace("every day", "daily"),
                        false,
                        40),
                    new Form.Input(
                        "filter",
                        "Pack, level or topic (optional)",
                        "serverless senior",
                        filter,
                        false,
                        100,
                        false))));
  }

  /** The {@code daily on} command a submitted form spells: its fields' words in order. */
  static Command command(Inbound.ModalSubmitted submit) {
    List<String> words = new ArrayList<>();
    words.add("on");
    for (String field : List.of("time", "zone", "days", "filter")) {
      String v = submit.fields().getOrDefault(field, "").strip();
      if (!v.isEmpty()) {
        words.addAll(List.of(v.split("\\s+")));
      }
    }
    return new Command(
        "daily",
        words,
        new Inbound.CommandInvoked(
            submit.key(),
            submit.team(),
            submit.channel(),
            submit.actor(),
            "daily " + String.join(" ", words)));
  }
}
