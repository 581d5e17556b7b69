package dev.sparring.discord;

import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.core.Partitioner;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which shard serves a guild, by Discord's formula {@code shard_id = (guild_id >> 22) %
 * num_shards}, and which shards this process runs. A partition is named {@code discord:ID/TOTAL}:
 * the total is part of the name, so a message queued under another shard count is never taken for
 * one of this count's.
 */
final class DiscordShards implements Partitioner {

  private final int total;
  private final Set<String> served;

  DiscordShards(int total, int from, int to) {
    if (total < 1 || from < 0 || to < from || to >= total) {
      throw new IllegalArgumentException(
          "need 0 <= from <= to < total (got " + from + ".." + to + " of " + total + ")");
    }
    this.total = total;
    Set<String> s = new LinkedHashSet<>();
    for (int id = from; id <= to; id++) {
      s.add(name(id, total));
    }
    this.served = Set.copyOf(s);
  }

  static String name(int shard, int total) {
    return DiscordModule.PLATFORM.prefix() + ":" + shard + "/" + total;
  }

  /** The shard of a guild id (a snowflake), or -1 if it is not one. */
  static int shardOf(String guildId, int total) {
    long id;
    try {
      id = Long.parseUnsignedLong(guildId.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
    return (int) Long.remainderUnsigned(id >>> 22, total);
  }

  @Override
  public Platform platform() {
    return DiscordModule.PLATFORM;
  }

  @Override
  public String partitionOf(TeamRef team) {
    if (team.platform() != DiscordModule.PLATFORM) {
      return null;
    }
    int shard = shardOf(team.id(), total);
    return shard < 0 ? null : name(shard, total);
  }

  @Override
  public Set<String> served() {
    return served;
  }
}
