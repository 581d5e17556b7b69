package dev.sparring.core;

import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import java.util.Set;

/**
 * How a platform whose connections are split over processes (Discord shards) assigns teams to them.
 * The outbox stores the partition of each message for a team, and a process claims only the
 * messages of the partitions it holds (and those with none), so a message goes to a process that
 * can deliver it, and waits while none can. Platforms with one connection per process (Slack, the
 * console) have no partitioner.
 */
public interface Partitioner {

  Platform platform();

  /**
   * The partition that serves {@code team} (a team of {@link #platform()}), the same in every
   * process of one deployment; null if the team's id cannot be placed (any process may try).
   */
  String partitionOf(TeamRef team);

  /** The partitions this process holds. */
  Set<String> served();
}
