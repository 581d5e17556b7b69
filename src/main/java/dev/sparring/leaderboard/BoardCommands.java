package dev.sparring.leaderboard;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.compete.Competitions;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.core.Mentions;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Seasons;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import java.util.List;
import java.util.Optional;

/**
 * {@code /spar leaderboard [channel|team|season|competition NAME] [all-time] [share]} and {@code
 * /spar stats [@user]}: reads the scope or the person asked about, queries {@link Points} and shows
 * the result to the asker only; a board also comes as a card (a picture), and {@code share} posts
 * it in the channel for everyone instead. Boards leave out the people who hide ({@link Hidden});
 * {@code leaderboard hide|show} goes to {@link Visibility}.
 */
final class BoardCommands {

  private static final int TOP = 10;

  /** The word that posts a board for everyone instead of answering the asker. */
  static final String SHARE = "share";

  private final Points points;
  private final Competitions competitions;
  private final Mentions mentions;

  BoardCommands(Points points, Competitions competitions, Mentions mentions) {
    this.points = points;
    this.competitions = competitions;
    this.mentions = mentions;
  }

  void leaderboard(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    boolean allTime = args.stream().anyMatch(BoardCommands::allTime);
    boolean share = args.stream().anyMatch(a -> a.equalsIgnoreCase(SHARE));
    List<String> words =
        args.stream().filter(a -> !allTime(a) && !a.equalsIgnoreCase(SHARE)).toList();
    String scope = words.isEmpty() ? "channel" : words.get(0).toLowerCase();
    if (words.size() == 1 && (scope.equals("hide") || scope.equals("show"))) {
      Visibility.set(ctx, in, scope.equals("hide"));
      return;
    }
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    LedgerQuery q = LedgerQuery.team(team);
    String title;
    // The card's title, in plain text: the picture draws names as they are.
    String cardTitle;
    String streaksIn = null;
    switch (scope) {
      case "channel" -> {
        q = q.inChannel(in.channel().key());
        title = "Leaderboard \u00b7 this channel";
        cardTitle = "Leaderboard \u00b7 this channel";
        streaksIn = in.channel().key();
      }
      case "team", "season" -> {
        title = "Leaderboard \u00b7 team";
        cardTitle = "Leaderboard \u00b7 team";
      }
      case "competition" -> {
        String name = String.join(" ", words.subList(1, words.size()));
        Optional<Competitions.Info> c = competitions.find(ctx.tx(), team, in.channel().key(), name);
        if (c.isEmpty()) {
          ctx.out()
              .tell(
                  in,
                  name.isEmpty()
                      ? "Name the competition: `/spar leaderboard competition NAME`."
                      : "No competition called " + Inline.code(name, 40) + " in this team.");
          return;
        }
        q = q.inCompetition(c.get().id());
        title = "Leaderboard \u00b7 " + Inline.data(c.get().name());
        cardTitle = "Leaderboard \u00b7 " + c.get().name();
        allTime = true;
      }
      default -> {
        ctx.out()
            .tell(
                in,
                Texts.unknown(
                    "scope",
                    scope,
                    "leaderboard",
                    List.of("channel", "team", "season", "competition", "hide", "show", SHARE),
                    "Use `/spar leaderboard [channel|team|season|competition NAME] [all-time]"
                        + " [share]`, or `/spar leaderboard hide|show`."));
        return;
      }
    }
    String cardSubtitle;
    if (!allTime) {
      q = q.inSeason(season.label());
      title += " \u00b7 season " + season.label();
      cardSubtitle = "Season " + season.label();
    } else if (!scope.equals("competition")) {
      title += " \u00b7 all time";
      cardSubtitle = "All time";
    } else {
      cardSubtitle = "Competition";
    }
    // Without the people who hide; someone who hides sees where they would be.
    String me = in.actor().user().key();
    List<Standing> rows = points.publicTop(ctx.tx(), q, TOP);
    if (share) {
      // For everyone: nobody's line is "you".
      Message.Attachment card =
          BoardPictures.card(
              ctx.tx(), team, streaksIn, cardTitle, cardSubtitle, rows, Optional.empty());
      ctx.out()
          .post(
              in.channel(),
              Message.of(title, LeaderboardTexts.shared(ctx.tx(), team, rows, in.actor().user()))
                  .withAttachments(List.of(card)),
              null);
      ctx.out().tell(in, "Posted the leaderboard in this channel.");
      return;
    }
    Optional<Ledger.Rank> mine = points.publicRank(ctx.tx(), q, me);
    boolean hidden = Hidden.isHidden(ctx.tx(), team, me);
    Message.Attachment card =
        BoardPictures.card(
            ctx.tx(),
            team,
            streaksIn,
            cardTitle,
            cardSubtitle + " \u00b7 only you see this",
            rows,
            mine);
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(title, LeaderboardTexts.board(ctx.tx(), team, rows, mine, hidden))
                .withAttachments(List.of(card)));
  }

  private static boolean allTime(String word) {
    return word.equalsIgnoreCase("all-time") || word.equalsIgnoreCase("alltime");
  }

  void stats(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    UserRef who = in.actor().user();
    if (!args.isEmpty()) {
      Optional<UserRef> named = mentions.parse(in.team().platform(), String.join(" ", args));
      if (named.isEmpty()) {
        ctx.out().tell(in, "Usage: `/spar stats` or `/spar stats @someone`.");
        return;
      }
      who = named.get();
    }
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    String key = who.key();
    boolean self = who.equals(in.actor().user());
    if (!self && Hidden.isHidden(ctx.tx(), team, key)) {
      ctx.out()
          .tell(
              in,
              Profiles.mention(ctx.tx(), team, key)
                  + " keeps their scores private (`/spar leaderboard hide`).");
      return;
    }
    Optional<Ledger.Rank> inSeason =
        points.publicRank(ctx.tx(), LedgerQuery.team(team).inSeason(season.label()), key);
    Optional<Ledger.Rank> allTime = points.publicRank(ctx.tx(), LedgerQuery.team(team), key);
    List<LedgerEntry> entries = ctx.tx().ledger().entries(team, key, 10_000);
    if (entries.isEmpty() && !self) {
      ctx.out()
          .tell(in, Profiles.mention(ctx.tx(), team, key) + " has no activity in this team yet.");
      return;
    }
    Message stats =
        LeaderboardTexts.stats(
            Profiles.mention(ctx.tx(), team, key),
            season,
            inSeason,
            allTime,
            entries,
            Streaks.describe(ctx.tx(), team, key),
            Absences.until(ctx, team, key));
    if (self && Hidden.isHidden(ctx.tx(), team, key)) {
      stats = LeaderboardTexts.withHiddenNote(stats);
    }
    ctx.out().ephemeral(in.channel(), in.actor().user(), stats);
  }
}
