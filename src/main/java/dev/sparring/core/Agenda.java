package dev.sparring.core;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a feature finds worth doing today for one person, gathered for their daily reminder: the
 * reminder asks every agenda it was given and sends nothing when none has anything. A feature
 * implements it over its own records (the daily question: the open question the person has not
 * answered), so the reminder needs no feature of its own layer.
 *
 * <p>Implementations only read: they run inside the reminder's transaction, and what they return is
 * shown to the person, so text that came from people is wrapped ({@code Inline.data}).
 */
public interface Agenda {

  /** The person's items for {@code day}, one line each (markdown-ish); empty when nothing. */
  List<Item> today(Context ctx, Day day);

  /**
   * One person's local day: {@code date} in {@code zone} as of {@code ctx.now()}. {@code channels}
   * are the channels the person is known to take part in (where they set the reminder up, and where
   * they earned points lately): a platform's membership lists are not kept.
   */
  record Day(TeamRef team, UserRef user, LocalDate date, ZoneId zone, Set<ChannelRef> channels) {
    public Day {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(zone, "zone");
      channels = Set.copyOf(channels);
    }
  }

  /**
   * One thing worth doing. {@code order} places it among the others (lower first: drills due 10,
   * the goal's plan 20, a daily question 30); {@code text} is the line shown.
   */
  record Item(int order, String text) {
    public Item {
      Objects.requireNonNull(text, "text");
    }
  }
}
