package dev.sparring.leaderboard;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.compete.Competitions;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Seasons;
import java.util.List;
import java.util.Optional;

/**
 * {@code /spar export} (admins): the channel's results this season, or {@code export competition
 * [NAME]} a competition's, as a CSV file ({@link ResultsExport}) on a message posted in the
 * channel. The channel, not a private reply: Slack cannot attach a file to an ephemeral message,
 * and the bot has no private channel to an admin; so the file holds only what the channel's boards
 * show anyone there, people who hide left out. The operator's full view is {@code sparring export}.
 * The message says in words what the file holds, for where a file cannot be shown.
 */
final class ExportCommands {

  static final String USAGE =
      "Use `/spar export` (this channel, this season) or `/spar export competition [NAME]`.";

  private final Points points;

  ExportCommands(Points points) {
    this.points = points;
  }

  void export(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    if (!ctx.isAdmin(in.actor())) {
      ctx.out()
          .tell(
              in,
              "Only admins can export results. Ask a workspace admin, or anyone on the bot's"
                  + " admin list.");
      return;
    }
    String team = in.team().key();
    ResultsExport.Export export;
    String title;
    List<String> columns;
    if (args.isEmpty()) {
      Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
      export =
          ResultsExport.board(
              ctx.tx(), team, in.channel().key(), season.label(), ResultsExport.Audience.CHANNEL);
      title = "Results \u00b7 this channel \u00b7 season " + season.label();
      columns = ResultsExport.BOARD_COLUMNS;
    } else if (args.get(0).equalsIgnoreCase("competition")) {
      String name = String.join(" ", args.subList(1, args.size()));
      Optional<Competitions.Roster> c =
          Competitions.roster(ctx.tx(), team, in.channel().key(), name);
      if (c.isEmpty()) {
        ctx.out()
            .tell(
                in,
                name.isBlank()
                    ? "No competition is running in this channel. Name one: `/spar export"
                        + " competition NAME`."
                    : "No competition called " + Inline.code(name, 40) + " in this team.");
        return;
      }
      export = ResultsExport.competition(ctx.tx(), team, c.get(), ResultsExport.Audience.CHANNEL);
      title = "Results \u00b7 " + Inline.data(c.get().name());
      columns = ResultsExport.COMPETITION_COLUMNS;
    } else {
      ctx.out()
          .tell(in, Texts.unknown("option", args.get(0), "export", List.of("competition"), USAGE));
      return;
    }
    byte[] bytes = export.csv().bytes();
    if (bytes.length > Message.Attachment.MAX_BYTES) {
      ctx.out()
          .tell(
              in,
              "That export is too large to attach here ("
                  + export.people()
                  + " people). The operator can write it with `sparring export` on the server.");
      return;
    }
    String summary =
        export.people()
            + (export.people() == 1 ? " person, " : " people, ")
            + export.points()
            + (export.points() == 1 ? " point" : " points");
    String body =
        "Exported by "
            + Inline.data(Profiles.name(ctx.tx(), team, in.actor().user().key()))
            + ": "
            + summary
            + ", one row each in `"
            + export.fileName()
            + "`. Columns: "
            + String.join(", ", columns)
            + ". People who hide from boards are left out.";
    Message.Attachment file =
        Message.Attachment.csv(
            export.fileName(), bytes, export.fileName() + " (CSV): " + summary + ".");
    ctx.out().post(in.channel(), Message.of(title, body).withAttachments(List.of(file)), null);
    ctx.out()
        .tell(
            in,
            "Posted "
                + export.fileName()
                + " ("
                + summary
                + ") in this channel: a file cannot go in a private reply. People who hide from"
                + " boards are left out; `sparring export` on the server has everyone.");
  }
}
