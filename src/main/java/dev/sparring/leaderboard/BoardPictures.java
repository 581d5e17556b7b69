package dev.sparring.leaderboard;

import dev.sparring.chat.Message;
import dev.sparring.picture.LeaderboardCard;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Ledger;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A board as a picture: the rows the text shows (the top, then the asker's own line when further
 * down), each with the person's remembered name and current daily streak, drawn by {@link
 * LeaderboardCard} and attached with its text as the alt.
 */
final class BoardPictures {

  static final String FILE = "leaderboard.png";

  private BoardPictures() {}

  /**
   * The card of a board. {@code channel} is the channel key whose streaks count (null: each
   * person's longest); {@code mine} marks the asker's line, empty for a board shown to everyone.
   */
  static Message.Attachment card(
      Tx tx,
      String team,
      String channel,
      String title,
      String subtitle,
      List<Standing> top,
      Optional<Ledger.Rank> mine) {
    List<LeaderboardCard.Row> rows = new ArrayList<>();
    int position = mine.map(Ledger.Rank::position).orElse(-1);
    for (int i = 0; i < top.size(); i++) {
      rows.add(row(tx, team, channel, i + 1, top.get(i), i + 1 == position));
    }
    if (position > top.size()) {
      rows.add(row(tx, team, channel, position, mine.get().standing(), true));
    }
    byte[] png = LeaderboardCard.png(title, subtitle, rows);
    return Message.Attachment.png(FILE, png, LeaderboardCard.alt(title, subtitle, rows));
  }

  private static LeaderboardCard.Row row(
      Tx tx, String team, String channel, int rank, Standing s, boolean me) {
    return new LeaderboardCard.Row(
        rank,
        Profiles.name(tx, team, s.name()),
        s.points(),
        Streaks.current(tx, team, s.name(), channel),
        me);
  }
}
