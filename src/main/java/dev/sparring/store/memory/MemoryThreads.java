package dev.sparring.store.memory;

import dev.sparring.store.StoreException;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Threads;
import java.time.Instant;
import java.util.Optional;

/** {@link Threads} of a {@link MemoryStore}. */
final class MemoryThreads implements Threads {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryThreads(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public void open(String anchor, String channelKey, String kind, Instant at) {
    if (data.threads.containsKey(anchor)) {
      throw new StoreException("thread " + anchor + " exists");
    }
    tx.put(data.threads, anchor, new ThreadLink(anchor, channelKey, kind, null));
  }

  @Override
  public void link(String anchor, String platformId) {
    ThreadLink t = data.threads.get(anchor);
    if (t == null) {
      throw new StoreException("no thread " + anchor);
    }
    tx.put(data.threads, anchor, new ThreadLink(anchor, t.channelKey(), t.kind(), platformId));
    tx.put(data.threadsByPlatform, MemoryData.platformKey(t.channelKey(), platformId), anchor);
  }

  @Override
  public Optional<ThreadLink> get(String anchor) {
    tx.check();
    return Optional.ofNullable(data.threads.get(anchor));
  }

  @Override
  public Optional<ThreadLink> byPlatformId(String channelKey, String platformId) {
    tx.check();
    return Optional.ofNullable(
            data.threadsByPlatform.get(MemoryData.platformKey(channelKey, platformId)))
        .map(data.threads::get);
  }
}
