package dev.sparring.compete;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Level;
import dev.sparring.chat.Inline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A competition as stored (document kind {@value CompeteRecords#KIND}): where it runs, how long,
 * how often it posts, which questions it draws from and which it has used, and into how many
 * balanced groups it places joiners ({@code balanced}; 0 when people pick their own group, as in
 * competitions stored before balanced groups existed).
 */
record Contest(
    String id,
    String team,
    String channel,
    String name,
    Instant startedAt,
    Instant endsAt,
    Duration cadence,
    String pack,
    String level,
    String topic,
    boolean ended,
    List<String> used,
    int balanced) {
  Contest {
    used = List.copyOf(used == null ? List.of() : used);
  }

  /** The name as it goes into a message: an admin typed it, so it is data, not markup. */
  String shown() {
    return Inline.data(name);
  }

  Filter filter() {
    return new Filter(pack, level == null ? null : Level.parse(level).orElse(null), topic);
  }

  Contest with(boolean isEnded, List<String> usedIds) {
    return new Contest(
        id, team, channel, name, startedAt, endsAt, cadence, pack, level, topic, isEnded, usedIds,
        balanced);
  }
}
