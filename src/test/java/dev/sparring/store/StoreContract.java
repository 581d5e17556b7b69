package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.discord.DiscordModule;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Conversation.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link Store} must have; each implementation runs it by subclassing. */
public abstract class StoreContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  protected static final TeamRef TEAM = new TeamRef(SlackModule.PLATFORM, "T1");
  protected static final ChannelRef CH1 = new ChannelRef(SlackModule.PLATFORM, "C1");
  protected static final ChannelRef CH2 = new ChannelRef(SlackModule.PLATFORM, "C2");
  protected static final UserRef ANA = new UserRef(SlackModule.PLATFORM, "U1");
  protected static final UserRef BO = new UserRef(SlackModule.PLATFORM, "U2");

  @TempDir protected Path dir;
  protected Store store;

  /** A fresh, empty store keeping its files (if any) under {@code dir}. */
  protected abstract Store open(Path dir);

  @BeforeEach
  void openStore() {
    store = open(dir);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected <T> T tx(Store.Work<T> work) {
    return store.transact(work);
  }

  protected boolean yes(Store.Work<Boolean> work) {
    return store.transact(work);
  }

  protected <T> java.util.Optional<T> find(Store.Work<java.util.Optional<T>> work) {
    return store.transact(work);
  }

  protected <T> List<T> all(Store.Work<List<T>> work) {
    return store.transact(work);
  }

  protected long num(Store.Work<? extends Number> work) {
    return store.transact(work).longValue();
  }

  protected static Conversation conversation(String id, UserRef owner, Instant at) {
    return new Conversation(
        id, "interview", TEAM, CH1, owner, "q-" + id, 0, Status.ACTIVE, 1, at, at);
  }

  // ---- inbound keys

  @Test
  void anInboundKeyIsRecordedOnlyOnce() {
    assertThat(yes(t -> t.inbound().record("slack:Ev1", T0))).isTrue();
    assertThat(yes(t -> t.inbound().record("slack:Ev1", T0.plusSeconds(5)))).isFalse();
    assertThat(yes(t -> t.inbound().record("discord:Ev1", T0))).isTrue();
  }

  @Test
  void pruningForgetsOnlyOldKeys() {
    tx(t -> t.inbound().record("old", T0));
    tx(t -> t.inbound().record("new", T0.plus(Duration.ofDays(2))));
    assertThat(num(t -> t.inbound().prune(T0.plus(Duration.ofDays(1))))).isEqualTo(1);
    assertThat(yes(t -> t.inbound().record("old", T0.plus(Duration.ofDays(3))))).isTrue();
    assertThat(yes(t -> t.inbound().record("new", T0.plus(Duration.ofDays(3))))).isFalse();
  }

  // ---- conversations

  @Test
  void conversationsRoundTripAndIdsAreUnique() {
    Conversation c = conversation("c1", ANA, T0);
    tx(
        t -> {
          t.conversations().insert(c);
          return null;
        });
    assertThat(find(t -> t.conversations().get("c1"))).contains(c);
    assertThat(find(t -> t.conversations().get("nope"))).isEmpty();
    assertThatThrownBy(
            () ->
                tx(
                    t -> {
                      t.conversations().insert(c);
                      return null;
                    }))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void compareAndSetAcceptsOnlyTheExpectedVersion() {
    Conversation c = conversation("c1", ANA, T0);
    tx(
        t -> {
          t.conversations().insert(c);
          return null;
        });
    Conversation next = c.advance(1, Status.ACTIVE, T0.plusSeconds(60));
    assertThat(yes(t -> t.conversations().compareAndSet(next, 1))).isTrue();
    Conversation stale = c.advance(2, Status.DONE, T0.plusSeconds(61));
    assertThat(yes(t -> t.conversations().compareAndSet(stale, 1))).isFalse();
    assertThat(find(t -> t.conversations().get("c1"))).contains(next);
  }

  @Test
  void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
    tx(
        t -> {
          t.conversations().insert(conversation("c1", ANA, T0));
          return null;
        });
    int threads = 4;
    int perThread = 50;
    AtomicInteger applied = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                for (int n = 0; n < perThread; n++) {
                  while (true) {
                    boolean ok;
                    try {
                      ok =
                          tx(
                              t -> {
                                Conversation c = t.conversations().get("c1").orElseThrow();
                                return t.conversations()
                                    .compareAndSet(
                                        c.advance(c.step() + 1, Status.ACTIVE, T0), c.version());
                              });
                    } catch (ConcurrentUpdateException e) {
                      ok = false;
                    }
                    if (ok) {
                      applied.incrementAndGet();
                      break;
                    }
                  }
                }
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    Conversation end = find(t -> t.conversations().get("c1")).orElseThrow();
    assertThat(applied.get()).isEqualTo(threads * perThread);
    assertThat(end.step()).isEqualTo(threads * perThread);
    assertThat(end.version()).isEqualTo(1L + threads * perThread);
  }

  @Test
  void activeIdleAndHistoryQueries() {
    tx(
        t -> {
          t.conversations().insert(conversation("a1", ANA, T0));
          t.conversations().insert(conversation("a2", ANA, T0.plusSeconds(10)));
          t.conversations().insert(conversation("b1", BO, T0.plusSeconds(20)));
          Conversation done = conversation("a0", ANA, T0.minusSeconds(100));
          t.conversations().insert(done);
          t.conversations().compareAndSet(done.advance(3, Status.DONE, T0.minusSeconds(50)), 1);
          return null;
        });
    assertThat(find(t -> t.conversations().active(TEAM.key(), ANA.key(), "interview")))
        .map(Conversation::id)
        .contains("a2");
    assertThat(find(t -> t.conversations().active(TEAM.key(), ANA.key(), "drill"))).isEmpty();
    assertThat(find(t -> t.conversations().active("slack:OTHER", ANA.key(), "interview")))
        .isEmpty();
    assertThat(
            all(t -> t.conversations().idleSince("interview", T0.plusSeconds(15), 10)).stream()
                .map(Conversation::id))
        .containsExactly("a1", "a2");
    assertThat(all(t -> t.conversations().idleSince("interview", T0.plusSeconds(15), 1)))
        .hasSize(1);
    assertThat(all(t -> t.conversations().questionIds(TEAM.key(), ANA.key(), "interview")))
        .containsExactlyInAnyOrder("q-a0", "q-a1", "q-a2");
    assertThat(num(t -> t.conversations().countActive("interview"))).isEqualTo(3);
  }

  // ---- answers

  @Test
  void oneAnswerPerStep() {
    Answer first = new Answer("c1", 0, ANA, "first", T0);
    assertThat(yes(t -> t.answers().add(first))).isTrue();
    assertThat(yes(t -> t.answers().add(new Answer("c1", 0, ANA, "again", T0)))).isFalse();
    assertThat(
            yes(t -> t.answers().add(new Answer("c1", 1, ANA, "second \u2713 \uD83D\uDE80", T0))))
        .isTrue();
    assertThat(all(t -> t.answers().of("c1")))
        .extracting(Answer::text)
        .containsExactly("first", "second \u2713 \uD83D\uDE80");
    assertThat(all(t -> t.answers().of("c2"))).isEmpty();
  }

  // ---- threads

  @Test
  void threadsAreFoundByAnchorAndByPlatformId() {
    tx(
        t -> {
          t.threads().open("iv-1", CH1.key(), "interview", T0);
          return null;
        });
    assertThat(find(t -> t.threads().get("iv-1")))
        .contains(new ThreadLink("iv-1", CH1.key(), "interview", null));
    tx(
        t -> {
          t.threads().link("iv-1", "1700000000.000100");
          return null;
        });
    assertThat(find(t -> t.threads().byPlatformId(CH1.key(), "1700000000.000100")))
        .map(ThreadLink::anchor)
        .contains("iv-1");
    assertThat(find(t -> t.threads().byPlatformId(CH2.key(), "1700000000.000100"))).isEmpty();
  }

  // ---- outbox

  private long enqueue(ChannelRef channel, String text) {
    return tx(t -> t.outbox().enqueue(new Outbound.Post(channel, Message.text(text), null), T0));
  }

  @Test
  void outboxMessagesRoundTripEveryKind() {
    Message rich =
        new Message(
            "Title \u00b7 \u00fc",
            "**body** with `code`",
            List.of(new Message.Field("Score", "80/100", true)),
            List.of(new Message.Button("x.go", "Go", "v1", Message.Button.Style.PRIMARY)));
    List<Outbound> sent =
        List.of(
            new Outbound.Post(CH1, rich, "anchor-1"),
            new Outbound.ReplyInThread(CH1, "anchor-1", Message.text("reply")),
            new Outbound.Update(CH1, "anchor-1", Message.of("t", "b")));
    tx(
        t -> {
          sent.forEach(o -> t.outbox().enqueue(o, T0));
          return null;
        });
    List<Outbound> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<OutboxEntry> claimed = all(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 10));
      assertThat(claimed).hasSize(1);
      seen.add(claimed.get(0).message());
      tx(
          t -> {
            t.outbox().delivered(claimed.get(0).id(), "p", T0);
            return null;
          });
    }
    assertThat(seen).isEqualTo(sent);
  }

  @Test
  void claimsOnlyTheHeadOfEachChannelInOrder() {
    long a1 = enqueue(CH1, "a1");
    long b1 = enqueue(CH2, "b1");
    long a2 = enqueue(CH1, "a2");
    assertThat(a1).isLessThan(b1).isLessThan(a2);
    List<OutboxEntry> first = all(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 10));
    assertThat(first).extracting(OutboxEntry::id).containsExactly(a1, b1);
    // Leased: nobody else gets them, and a2 waits behind a1.
    assertThat(all(t -> t.outbox().claim("r2", T0.plusSeconds(1), Duration.ofMinutes(1), 10)))
        .isEmpty();
    tx(
        t -> {
          t.outbox().delivered(a1, "p1", T0);
          return null;
        });
    assertThat(all(t -> t.outbox().claim("r2", T0.plusSeconds(2), Duration.ofMinutes(1), 10)))
        .extracting(OutboxEntry::id)
        .containsExactly(a2);
    assertThat(num(t -> t.outbox().pending())).isEqualTo(2);
  }

  @Test
  void anExpiredLeaseLetsAnotherReplicaTakeOver() {
    long a1 = enqueue(CH1, "a1");
    tx(t -> t.outbox().claim("r1", T0, Duration.ofSeconds(30), 10));
    assertThat(all(t -> t.outbox().claim("r2", T0.plusSeconds(29), Duration.ofSeconds(30), 10)))
        .isEmpty();
    assertThat(all(t -> t.outbox().claim("r2", T0.plusSeconds(31), Duration.ofSeconds(30), 10)))
        .extracting(OutboxEntry::id)
        .containsExactly(a1);
  }

  @Test
  void aRestartedOwnerTakesBackItsOwnLeasesAtOnceAndNoOneElses() {
    long a1 = enqueue(CH1, "a1");
    long b1 = enqueue(CH2, "b1");
    assertThat(all(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 1)))
        .extracting(OutboxEntry::id)
        .containsExactly(a1);
    assertThat(all(t -> t.outbox().claim("r2", T0, Duration.ofMinutes(1), 1)))
        .extracting(OutboxEntry::id)
        .containsExactly(b1);
    // r1 died holding a1 and comes back 5 s later: its lease has 55 s to run, r2's too.
    Instant restart = T0.plusSeconds(5);
    assertThat(all(t -> t.outbox().claim("r1", restart, Duration.ofMinutes(1), 10))).isEmpty();
    assertThat(num(t -> t.outbox().takeBack("r1", restart))).isEqualTo(1);
    assertThat(all(t -> t.outbox().claim("r1", restart, Duration.ofMinutes(1), 10)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(a1);
              assertThat(e.resumed()).as("its first attempt may have been sent").isTrue();
            });
    // r2's live lease is still respected, and nothing delivered comes back.
    tx(
        t -> {
          t.outbox().delivered(a1, "p1", restart);
          return null;
        });
    assertThat(num(t -> t.outbox().takeBack("r1", restart.plusSeconds(1)))).isZero();
    assertThat(all(t -> t.outbox().claim("r1", restart.plusSeconds(1), Duration.ofMinutes(1), 10)))
        .isEmpty();
    assertThat(num(t -> t.outbox().pending())).isEqualTo(1);
  }

  @Test
  void retryWaitsCountsAttemptsAndKeepsTheChannelOrder() {
    long a1 = enqueue(CH1, "a1");
    enqueue(CH1, "a2");
    tx(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 10));
    tx(
        t -> {
          t.outbox().retry(a1, T0.plusSeconds(10), "429");
          return null;
        });
    assertThat(all(t -> t.outbox().claim("r1", T0.plusSeconds(9), Duration.ofMinutes(1), 10)))
        .isEmpty();
    List<OutboxEntry> again =
        all(t -> t.outbox().claim("r1", T0.plusSeconds(10), Duration.ofMinutes(1), 10));
    assertThat(again)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(a1);
              assertThat(e.attempts()).isEqualTo(1);
              assertThat(e.lastError()).isEqualTo("429");
            });
  }

  @Test
  void deadLettersStayVisibleAndUnblockTheChannel() {
    long a1 = enqueue(CH1, "a1");
    long a2 = enqueue(CH1, "a2");
    tx(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 10));
    tx(
        t -> {
          t.outbox().dead(a1, "channel_not_found", T0);
          return null;
        });
    assertThat(all(t -> t.outbox().deadLetters(10)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(a1);
              assertThat(e.lastError()).isEqualTo("channel_not_found");
            });
    assertThat(all(t -> t.outbox().claim("r1", T0, Duration.ofMinutes(1), 10)))
        .extracting(OutboxEntry::id)
        .containsExactly(a2);
    assertThat(num(t -> t.outbox().pending())).isEqualTo(1);
  }

  // ---- partitions (Discord shards in several processes)

  private static final ChannelRef GA = new ChannelRef(DiscordModule.PLATFORM, "201");
  private static final ChannelRef GB = new ChannelRef(DiscordModule.PLATFORM, "202");
  private static final ChannelRef GC = new ChannelRef(DiscordModule.PLATFORM, "203");

  private long enqueueFor(ChannelRef channel, String text, String team, String partition) {
    return tx(
        t ->
            t.outbox()
                .enqueue(
                    new Outbound.Post(channel, Message.text(text), null),
                    T0,
                    "ev-" + text,
                    team,
                    partition));
  }

  private List<Long> claimIds(String owner, Instant at, java.util.Set<String> partitions) {
    return all(t -> t.outbox().claim(owner, at, Duration.ofMinutes(1), 10, partitions)).stream()
        .map(OutboxEntry::id)
        .toList();
  }

  @Test
  void aProcessClaimsOnlyItsPartitionsAndEntriesForAnyone() {
    long slack = enqueue(CH1, "slack");
    long a = enqueueFor(GA, "a", "discord:1", "discord:0/2");
    long b = enqueueFor(GB, "b", "discord:2", "discord:1/2");
    long c = enqueueFor(GC, "c", "discord:3", "discord:0/3"); // another shard count's
    // A process with no partitions takes only what anyone may deliver.
    assertThat(claimIds("plain", T0, java.util.Set.of())).containsExactly(slack);
    assertThat(claimIds("shard1", T0, java.util.Set.of("discord:1/2"))).containsExactly(b);
    assertThat(claimIds("shard0", T0, java.util.Set.of("discord:0/2", "discord:9/2")))
        .containsExactly(a);
    // Nobody serves discord:0/3: it waits, neither claimed nor dead.
    assertThat(claimIds("any", T0.plusSeconds(120), java.util.Set.of("discord:0/2")))
        .doesNotContain(c);
    assertThat(num(t -> t.outbox().pending())).isEqualTo(4);
    assertThat(num(t -> t.outbox().deadCount())).isZero();
    // The team, the partition and the correlation come back with the entry.
    assertThat(
            all(
                t ->
                    t.outbox()
                        .claim(
                            "s",
                            T0.plusSeconds(300),
                            Duration.ofMinutes(1),
                            10,
                            java.util.Set.of("discord:0/3"))))
        .filteredOn(e -> e.id() != slack)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(c);
              assertThat(e.team()).isEqualTo("discord:3");
              assertThat(e.partition()).isEqualTo("discord:0/3");
              assertThat(e.correlation()).isEqualTo("ev-c");
            });
  }

  @Test
  void anotherPartitionsHeadHoldsItsChannelBackInOrder() {
    long theirs = enqueueFor(GA, "first", "discord:1", "discord:1/2");
    long anyones = enqueueFor(GA, "second", null, null);
    // The head of GA belongs to shard 1: shard 0 may not send "second" before it.
    assertThat(claimIds("shard0", T0, java.util.Set.of("discord:0/2"))).isEmpty();
    assertThat(claimIds("shard1", T0, java.util.Set.of("discord:1/2"))).containsExactly(theirs);
    tx(
        t -> {
          t.outbox().delivered(theirs, "m1", T0);
          return null;
        });
    assertThat(claimIds("shard0", T0, java.util.Set.of("discord:0/2"))).containsExactly(anyones);
  }

  @Test
  void aRerouteHandsAClaimedEntryToItsPartitionWithoutCountingAnAttempt() {
    long a = enqueueFor(GA, "a", "discord:1", null);
    assertThat(claimIds("shard0", T0, java.util.Set.of("discord:0/2"))).containsExactly(a);
    tx(
        t -> {
          t.outbox().reroute(a, "discord:1/2");
          return null;
        });
    // At once, not after the lease; for shard 1 only.
    assertThat(claimIds("shard0", T0.plusSeconds(1), java.util.Set.of("discord:0/2"))).isEmpty();
    assertThat(
            all(
                t ->
                    t.outbox()
                        .claim(
                            "shard1",
                            T0.plusSeconds(1),
                            Duration.ofMinutes(1),
                            10,
                            java.util.Set.of("discord:1/2"))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(a);
              assertThat(e.attempts()).isZero();
              assertThat(e.resumed()).as("it was never handed to the platform").isFalse();
              assertThat(e.partition()).isEqualTo("discord:1/2");
              assertThat(e.team()).isEqualTo("discord:1");
            });
    assertThatThrownBy(
            () ->
                tx(
                    t -> {
                      t.outbox().reroute(999_999L, "discord:1/2");
                      return null;
                    }))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void partitionsAreStoredAsDataNeverRunAsSql() {
    String hostile = "x') OR 1=1 --";
    long a = enqueueFor(GA, "a", "discord:1", hostile);
    assertThat(claimIds("plain", T0, java.util.Set.of("discord:0/2"))).isEmpty();
    assertThat(claimIds("odd", T0, java.util.Set.of(hostile))).containsExactly(a);
  }

  // ---- documents

  private static Document doc(String id, Instant due) {
    return Document.create("schedule", id, TEAM.key(), "{\"n\":1}", due);
  }

  @Test
  void documentsAreClaimedOnceAndChangedByCompareAndSet() {
    assertThat(yes(t -> t.documents().insert(doc("slack:C1", null)))).isTrue();
    assertThat(yes(t -> t.documents().insert(doc("slack:C1", T0)))).isFalse();
    Document stored = find(t -> t.documents().get("schedule", "slack:C1")).orElseThrow();
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.dueAt()).isNull();
    Document next = stored.next("{\"n\":2}", T0);
    assertThat(yes(t -> t.documents().compareAndSet(next, 1))).isTrue();
    assertThat(yes(t -> t.documents().compareAndSet(stored.next("{}", null), 1))).isFalse();
    assertThat(find(t -> t.documents().get("schedule", "slack:C1"))).contains(next);
    assertThat(find(t -> t.documents().get("drill", "slack:C1"))).isEmpty();
    tx(
        t -> {
          t.documents().put(next.next("{\"n\":3}", null));
          return null;
        });
    assertThat(find(t -> t.documents().get("schedule", "slack:C1")).orElseThrow().body())
        .isEqualTo("{\"n\":3}");
    assertThat(yes(t -> t.documents().delete("schedule", "slack:C1"))).isTrue();
    assertThat(yes(t -> t.documents().delete("schedule", "slack:C1"))).isFalse();
  }

  @Test
  void documentPrefixesAreExactAndOrdered() {
    tx(
        t -> {
          for (String id :
              List.of("slack:C1:b", "slack:C1:a", "slack:c1:a", "slack:C10:a", "slack:C2:a")) {
            t.documents().insert(doc(id, null));
          }
          return null;
        });
    assertThat(all(t -> t.documents().byPrefix("schedule", "slack:C1:", 10)))
        .extracting(Document::id)
        .containsExactly("slack:C1:a", "slack:C1:b");
    assertThat(all(t -> t.documents().byPrefix("schedule", "slack:C1", 10)))
        .extracting(Document::id)
        .containsExactly("slack:C10:a", "slack:C1:a", "slack:C1:b"); // '0' sorts before ':'
    assertThat(all(t -> t.documents().byPrefix("schedule", "slack:C1", 1))).hasSize(1);
    assertThat(all(t -> t.documents().byPrefix("schedule", "x", 10))).isEmpty();
  }

  @Test
  void dueDocumentsComeSoonestFirst() {
    tx(
        t -> {
          t.documents().insert(doc("late", T0.plusSeconds(60)));
          t.documents().insert(doc("early", T0.minusSeconds(60)));
          t.documents().insert(doc("now", T0));
          t.documents().insert(doc("never", null));
          return null;
        });
    assertThat(all(t -> t.documents().due("schedule", T0, 10)))
        .extracting(Document::id)
        .containsExactly("early", "now");
    assertThat(all(t -> t.documents().due("schedule", T0.plusSeconds(60), 2)))
        .extracting(Document::id)
        .containsExactly("early", "now");
  }

  // ---- ledger

  private static LedgerEntry points(String key, UserRef user, int points, Instant at) {
    return new LedgerEntry(
        key, TEAM.key(), CH1.key(), user.key(), null, "2026-03", null, "daily", points, at);
  }

  @Test
  void theLedgerNeverCountsAKeyTwice() {
    assertThat(yes(t -> t.ledger().append(points("daily:C1:2026-03-01:U1", ANA, 10, T0)))).isTrue();
    assertThat(yes(t -> t.ledger().append(points("daily:C1:2026-03-01:U1", ANA, 10, T0))))
        .isFalse();
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(TEAM.key()))))
        .containsExactly(new Standing(ANA.key(), 10, 1, T0));
  }

  @Test
  void hostileTextIsStoredAsDataNeverRunAsSql() {
    // Quotes, comment markers, statement separators, LIKE wildcards, backslashes, non-ASCII.
    String evil =
        "x'); DROP TABLE ledger; -- \" \\ %_ ; DELETE FROM outbox WHERE 1=1 /* \u00e9\ud83d\ude00";
    String shortEvil = "s'); DROP TABLE x;--"; // for the VARCHAR(32) columns
    assertThat(yes(t -> t.inbound().record(evil, T0))).isTrue();
    assertThat(yes(t -> t.inbound().record(evil, T0))).isFalse();
    tx(
        t -> {
          t.kv().put(evil, evil, evil);
          t.documents().insert(dev.sparring.store.Document.create("profile", evil, evil, evil, T0));
          t.ledger()
              .append(
                  new LedgerEntry(
                      evil, evil, evil, evil, evil, shortEvil, shortEvil, "daily", 3, T0));
          t.outbox()
              .enqueue(new Outbound.Post(CH1, dev.sparring.chat.Message.text(evil), null), T0);
          return null;
        });
    assertThat(this.<java.util.Optional<String>>tx(t -> t.kv().get(evil, evil))).contains(evil);
    assertThat(
            this.<java.util.Optional<dev.sparring.store.Document>>tx(
                t -> t.documents().get("profile", evil)))
        .hasValueSatisfying(d -> assertThat(d.body()).isEqualTo(evil));
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(evil).inSeason(shortEvil))))
        .containsExactly(new Standing(evil, 3, 1, T0));
    assertThat(all(t -> t.ledger().top(LedgerQuery.team(evil).inChannel(evil), 10)))
        .extracting(Standing::name)
        .containsExactly(evil);
    assertThat((long) tx(t -> t.outbox().pending())).isEqualTo(1L);
    assertThat(all(t -> t.outbox().claim("r", T0, java.time.Duration.ofSeconds(30), 10)))
        .singleElement()
        .satisfies(e -> assertThat(e.message().message().body()).isEqualTo(evil));
  }

  @Test
  void topAndRankAgreeWithSumsOverTheLedgerInEveryScope() {
    java.util.Random random = new java.util.Random(11);
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Few distinct points and moments, so ties on points and on time are common.
      String competition = random.nextInt(3) == 0 ? "comp-" + random.nextInt(2) : null;
      entries.add(
          new LedgerEntry(
              "k" + i,
              random.nextInt(10) == 0 ? "slack:OTHER" : TEAM.key(),
              random.nextInt(5) == 0 ? null : "slack:C" + random.nextInt(3),
              "slack:U" + random.nextInt(40),
              competition == null || random.nextBoolean() ? null : "g" + random.nextInt(3),
              "2026-0" + (1 + random.nextInt(2)),
              competition,
              "daily",
              1 + random.nextInt(4),
              T0.plusSeconds(random.nextInt(6))));
    }
    // Appended over several transactions, some keys twice.
    for (int from = 0; from < entries.size(); from += 50) {
      List<LedgerEntry> batch = entries.subList(from, from + 50);
      tx(
          t -> {
            batch.forEach(e -> t.ledger().append(e));
            t.ledger().append(batch.get(0));
            return null;
          });
    }
    LedgerQuery team = LedgerQuery.team(TEAM.key());
    List<LedgerQuery> queries =
        List.of(
            team,
            team.inSeason("2026-01"),
            team.inChannel("slack:C1"),
            team.inChannel("slack:C2").inSeason("2026-02"),
            team.inCompetition("comp-0"),
            team.inCompetition("comp-1").groups(),
            team.inCompetition("comp-0").inSeason("2026-01"),
            team.groups());
    for (LedgerQuery q : queries) {
      List<Standing> expected = expectedStandings(entries, q);
      assertThat(all(t -> t.ledger().standings(q))).as("standings %s", q).isEqualTo(expected);
      assertThat(all(t -> t.ledger().top(q, 5)))
          .as("top %s", q)
          .isEqualTo(expected.subList(0, Math.min(5, expected.size())));
      for (int i = 0; i < expected.size(); i++) {
        String name = expected.get(i).name();
        assertThat(
                this.<java.util.Optional<dev.sparring.store.Ledger.Rank>>tx(
                    t -> t.ledger().rank(q, name)))
            .as("rank of %s in %s", name, q)
            .contains(new dev.sparring.store.Ledger.Rank(i + 1, expected.get(i), expected.size()));
      }
      assertThat(
              this.<java.util.Optional<dev.sparring.store.Ledger.Rank>>tx(
                  t -> t.ledger().rank(q, "slack:NOBODY")))
          .isEmpty();
    }
  }

  private static List<Standing> expectedStandings(List<LedgerEntry> entries, LedgerQuery q) {
    java.util.Map<String, Standing> sums = new java.util.HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (LedgerEntry e : entries) {
      if (!seen.add(e.key())
          || !e.team().equals(q.team())
          || (q.channel() != null && !q.channel().equals(e.channel()))
          || (q.season() != null && !q.season().equals(e.season()))
          || (q.competition() != null && !q.competition().equals(e.competition()))
          || (q.byGroup() && e.group() == null)) {
        continue;
      }
      String name = q.byGroup() ? e.group() : e.user();
      sums.merge(
          name,
          new Standing(name, e.points(), 1, e.at()),
          (a, b) ->
              new Standing(
                  name,
                  a.points() + b.points(),
                  a.entries() + 1,
                  a.last().isAfter(b.last()) ? a.last() : b.last()));
    }
    return sums.values().stream().sorted(Standing.ORDER).toList();
  }

  @Test
  void standingsAreScopedAndTiesBreakDeterministically() {
    UserRef cy = new UserRef(SlackModule.PLATFORM, "U0");
    tx(
        t -> {
          t.ledger().append(points("a1", ANA, 10, T0.plusSeconds(10)));
          t.ledger().append(points("b1", BO, 7, T0));
          t.ledger().append(points("b2", BO, 3, T0.plusSeconds(5)));
          t.ledger().append(points("c1", cy, 10, T0.plusSeconds(5)));
          t.ledger()
              .append(
                  new LedgerEntry(
                      "x1",
                      TEAM.key(),
                      CH2.key(),
                      ANA.key(),
                      "red",
                      "2026-04",
                      "comp-1",
                      "compete",
                      4,
                      T0));
          t.ledger()
              .append(
                  new LedgerEntry(
                      "x2",
                      "slack:OTHER",
                      CH1.key(),
                      BO.key(),
                      "red",
                      "2026-03",
                      null,
                      "daily",
                      100,
                      T0));
          return null;
        });
    // Bo and Cy both have 10 and reached it at the same moment: the name decides.
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(TEAM.key()).inSeason("2026-03"))))
        .extracting(Standing::name)
        .containsExactly(cy.key(), BO.key(), ANA.key());
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(TEAM.key()))))
        .extracting(Standing::name, Standing::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ANA.key(), 14L),
            org.assertj.core.groups.Tuple.tuple(cy.key(), 10L),
            org.assertj.core.groups.Tuple.tuple(BO.key(), 10L));
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(TEAM.key()).inChannel(CH2.key()))))
        .extracting(Standing::name)
        .containsExactly(ANA.key());
    assertThat(
            all(
                t ->
                    t.ledger()
                        .standings(LedgerQuery.team(TEAM.key()).inCompetition("comp-1").groups())))
        .containsExactly(new Standing("red", 4, 1, T0));
    assertThat(all(t -> t.ledger().entries(TEAM.key(), ANA.key(), 10)))
        .extracting(LedgerEntry::key)
        .containsExactly("a1", "x1");
    assertThat(all(t -> t.ledger().entries(TEAM.key(), ANA.key(), 1))).hasSize(1);
  }

  @Test
  void metricsQueries() {
    assertThat(find(t -> t.outbox().oldestPending())).isEmpty();
    tx(t -> t.outbox().enqueue(new Outbound.Post(CH1, Message.text("a"), null), T0));
    long b =
        tx(
            t ->
                t.outbox()
                    .enqueue(new Outbound.Post(CH2, Message.text("b"), null), T0.plusSeconds(5)));
    tx(
        t -> {
          t.outbox().dead(b, "x", T0);
          t.documents().insert(Document.create("daily.post", "p1", TEAM.key(), "{}", null));
          t.documents().insert(Document.create("daily.post", "p2", TEAM.key(), "{}", null));
          return null;
        });
    assertThat(find(t -> t.outbox().oldestPending())).contains(T0);
    assertThat(num(t -> t.outbox().deadCount())).isEqualTo(1);
    assertThat(num(t -> t.documents().count("daily.post"))).isEqualTo(2);
    assertThat(num(t -> t.documents().count("nothing"))).isZero();
  }

  @Test
  void deadLettersCanBeRequeuedOrDropped() {
    long a1 = tx(t -> t.outbox().enqueue(new Outbound.Post(CH1, Message.text("a1"), null), T0));
    long a2 = tx(t -> t.outbox().enqueue(new Outbound.Post(CH2, Message.text("a2"), null), T0));
    tx(
        t -> {
          t.outbox().dead(a1, "timeout", T0);
          t.outbox().dead(a2, "channel_not_found", T0);
          return null;
        });
    assertThat(yes(t -> t.outbox().requeue(a1, T0.plusSeconds(60)))).isTrue();
    assertThat(yes(t -> t.outbox().requeue(a1, T0.plusSeconds(60)))).isFalse();
    List<OutboxEntry> claimed =
        all(t -> t.outbox().claim("r", T0.plusSeconds(60), Duration.ofMinutes(1), 10));
    assertThat(claimed)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo(a1);
              assertThat(e.attempts()).isZero();
            });
    assertThat(yes(t -> t.outbox().drop(a2))).isTrue();
    assertThat(yes(t -> t.outbox().drop(a2))).isFalse();
    assertThat(yes(t -> t.outbox().drop(a1))).isFalse(); // pending, not dead
    assertThat(all(t -> t.outbox().deadLetters(10))).isEmpty();
  }

  // ---- key values and transactions

  @Test
  void keyValuesOverwrite() {
    tx(
        t -> {
          t.kv().put("console", "active:ana", "iv-1");
          t.kv().put("console", "active:ana", "iv-2");
          t.kv().put("other", "active:ana", "x");
          return null;
        });
    assertThat(find(t -> t.kv().get("console", "active:ana"))).contains("iv-2");
    assertThat(find(t -> t.kv().get("console", "missing"))).isEmpty();
  }

  @Test
  void aFailingTransactionLeavesNoTrace() {
    assertThatThrownBy(
            () ->
                tx(
                    t -> {
                      t.inbound().record("k1", T0);
                      t.conversations().insert(conversation("c1", ANA, T0));
                      t.answers().add(new Answer("c1", 0, ANA, "x", T0));
                      t.threads().open("c1", CH1.key(), "interview", T0);
                      t.outbox().enqueue(new Outbound.Post(CH1, Message.text("x"), "c1"), T0);
                      t.kv().put("s", "n", "v");
                      t.documents().insert(Document.create("k", "i", TEAM.key(), "{}", null));
                      t.ledger().append(points("l1", ANA, 1, T0));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(yes(t -> t.inbound().record("k1", T0))).isTrue();
    assertThat(find(t -> t.conversations().get("c1"))).isEmpty();
    assertThat(all(t -> t.answers().of("c1"))).isEmpty();
    assertThat(find(t -> t.threads().get("c1"))).isEmpty();
    assertThat(num(t -> t.outbox().pending())).isZero();
    assertThat(find(t -> t.kv().get("s", "n"))).isEmpty();
    assertThat(find(t -> t.documents().get("k", "i"))).isEmpty();
    assertThat(all(t -> t.ledger().standings(LedgerQuery.team(TEAM.key())))).isEmpty();
  }

  @Test
  void aFailedTransactionDoesNotBlockTheNext() {
    assertThatThrownBy(
            () ->
                tx(
                    t -> {
                      t.kv().put("s", "n", "v");
                      throw new ConcurrentUpdateException("lost");
                    }))
        .isInstanceOf(ConcurrentUpdateException.class);
    tx(
        t -> {
          t.kv().put("s", "n", "w");
          return null;
        });
    assertThat(find(t -> t.kv().get("s", "n"))).contains("w");
    assertThat(store.ping()).isTrue();
  }

  // ---- disputes

  protected static Dispute dispute(
      String team, String channel, String user, String ref, int point, Instant at) {
    return new Dispute(
        team,
        channel,
        user,
        "iv:" + ref,
        "q1",
        0,
        point,
        point == 0 ? "" : "Point " + point + ".",
        "my answer about " + ref,
        "because " + ref,
        at);
  }

  @Test
  void aDisputeIsKeptOncePerPersonAnswerAndKeyPointNewestFirst() {
    String team = TEAM.key();
    Dispute first = dispute(team, CH1.key(), ANA.key(), "a", 1, T0);
    assertThat(yes(t -> t.disputes().add(first))).isTrue();
    // The same person, answer and point again: the first stands, whatever the new reason.
    Dispute again =
        new Dispute(
            team,
            CH1.key(),
            ANA.key(),
            "iv:a",
            "q1",
            0,
            1,
            "Point 1.",
            "x",
            "changed",
            T0.plusSeconds(9));
    assertThat(yes(t -> t.disputes().add(again))).isFalse();
    assertThat(
            yes(
                t ->
                    t.disputes()
                        .add(dispute(team, CH1.key(), ANA.key(), "a", 0, T0.plusSeconds(1)))))
        .isTrue();
    assertThat(
            yes(
                t ->
                    t.disputes()
                        .add(dispute(team, CH1.key(), BO.key(), "a", 1, T0.plusSeconds(2)))))
        .isTrue();
    assertThat(
            yes(
                t ->
                    t.disputes()
                        .add(
                            dispute("slack:T9", "slack:C9", ANA.key(), "a", 1, T0.plusSeconds(3)))))
        .isTrue();

    assertThat(num(t -> t.disputes().count(team))).isEqualTo(3);
    List<Dispute> latest = all(t -> t.disputes().latest(team, 10));
    assertThat(latest)
        .extracting(Dispute::at)
        .containsExactly(T0.plusSeconds(2), T0.plusSeconds(1), T0);
    assertThat(latest.get(2)).isEqualTo(first);
    assertThat(latest.get(1).overall()).isTrue();
    assertThat(all(t -> t.disputes().latest(team, 2))).hasSize(2);
    assertThat(all(t -> t.disputes().all(10)))
        .extracting(Dispute::team)
        .containsExactly("slack:T9", team, team, team);
  }

  @Test
  void hostileTextInADisputeIsStoredAsData() {
    String hostile = "'); DROP TABLE disputes; -- \u202e <script> ?";
    Dispute d =
        new Dispute(
            TEAM.key(),
            CH1.key(),
            ANA.key(),
            "iv:" + hostile,
            "q'1",
            2,
            3,
            hostile,
            hostile,
            hostile,
            T0);
    assertThat(yes(t -> t.disputes().add(d))).isTrue();
    assertThat(all(t -> t.disputes().latest(TEAM.key(), 1))).containsExactly(d);
  }

  // ---- erasure

  /** What {@link #seedTeam} stored for one team; every id and text carries {@code marker}. */
  protected record Seeded(
      String team, ChannelRef ch1, ChannelRef ch2, ChannelRef ch3, List<LedgerEntry> entries) {}

  protected static final UserRef ANA_LIKE = new UserRef(SlackModule.PLATFORM, "U12");

  /**
   * A team with every kind of record, reached through every way a channel belongs to it: ch1 has
   * its conversations and threads, ch2 only a schedule named after it and a post's thread, ch3 only
   * ledger entries. Ana (U1), Bo (U2) and U12 (a key Ana's is a prefix of) play; Ana answers in
   * Bo's interview too.
   */
  protected Seeded seedTeam(String marker) {
    String team = new TeamRef(SlackModule.PLATFORM, "T" + marker).key();
    ChannelRef ch1 = new ChannelRef(SlackModule.PLATFORM, "C" + marker + "1");
    ChannelRef ch2 = new ChannelRef(SlackModule.PLATFORM, "C" + marker + "2");
    ChannelRef ch3 = new ChannelRef(SlackModule.PLATFORM, "C" + marker + "3");
    TeamRef ref = TeamRef.parse(team);
    List<LedgerEntry> entries =
        List.of(
            new LedgerEntry(
                marker + "-l1", team, ch1.key(), ANA.key(), null, "s1", null, "daily", 5, T0),
            new LedgerEntry(
                marker + "-l2", team, ch1.key(), BO.key(), null, "s1", null, "daily", 5, T0),
            new LedgerEntry(
                marker + "-l3",
                team,
                ch3.key(),
                ANA.key(),
                null,
                "s2",
                null,
                "daily",
                7,
                T0.plusSeconds(60)),
            new LedgerEntry(
                marker + "-l4",
                team,
                ch1.key(),
                ANA.key(),
                "red",
                "s1",
                "k1",
                "compete",
                3,
                T0.plusSeconds(120)),
            new LedgerEntry(
                marker + "-l5",
                team,
                ch1.key(),
                BO.key(),
                "red",
                "s1",
                "k1",
                "compete",
                4,
                T0.plusSeconds(30)),
            new LedgerEntry(
                marker + "-l6",
                team,
                ch1.key(),
                ANA_LIKE.key(),
                "blue",
                "s1",
                "k1",
                "compete",
                2,
                T0.plusSeconds(10)),
            new LedgerEntry(
                marker + "-l7", team, null, ANA.key(), null, "s2", null, "drill", 1, T0));
    tx(
        t -> {
          Conversation anas =
              new Conversation(
                  marker + "-iv-ana",
                  "interview",
                  ref,
                  ch1,
                  ANA,
                  "q1",
                  1,
                  Status.ACTIVE,
                  1,
                  T0,
                  T0);
          Conversation bos =
              new Conversation(
                  marker + "-iv-bo", "interview", ref, ch1, BO, "q2", 2, Status.ACTIVE, 1, T0, T0);
          t.conversations().insert(anas);
          t.conversations().insert(bos);
          t.answers().add(new Answer(anas.id(), 0, ANA, "ana answers " + marker, T0));
          t.answers().add(new Answer(bos.id(), 0, BO, "bo answers " + marker, T0));
          t.answers().add(new Answer(bos.id(), 1, ANA, "ana helps " + marker, T0));
          t.threads().open(anas.id(), ch1.key(), "interview", T0);
          t.threads().link(anas.id(), marker + "-p1");
          t.threads().open(bos.id(), ch1.key(), "interview", T0);
          t.documents()
              .put(Document.create("daily.schedule", ch2.key(), team, "{}", T0.plusSeconds(3600)));
          t.documents().insert(Document.create("daily.post", "dp:" + marker, team, "{}", null));
          t.threads().open("dp:" + marker, ch2.key(), "daily", T0);
          t.documents()
              .put(
                  Document.create(
                      "daily.answer", "dp:" + marker + "#" + ANA.key(), team, "{}", null));
          t.documents().put(Document.create("profile", team + "#" + ANA.key(), team, "{}", null));
          t.documents().put(Document.create("profile", team + "#" + BO.key(), team, "{}", null));
          t.documents()
              .put(Document.create("profile", team + "#" + ANA_LIKE.key(), team, "{}", null));
          t.documents()
              .put(
                  Document.create(
                      "drill.card", team + "#" + ANA.key() + "#q1", team, "{}", T0.plusSeconds(9)));
          entries.forEach(e -> t.ledger().append(e));
          t.outbox().enqueue(new Outbound.Post(ch1, Message.text("to ch1 " + marker), null), T0);
          long delivered =
              t.outbox()
                  .enqueue(
                      new Outbound.Post(ch2, Message.text("to ch2 " + marker), "dp:" + marker), T0);
          t.outbox().delivered(delivered, marker + "-p2", T0);
          long dead =
              t.outbox()
                  .enqueue(new Outbound.Post(ch3, Message.text("to ch3 " + marker), null), T0);
          t.outbox().dead(dead, "channel gone", T0);
          t.outbox().enqueue(new Outbound.Post(ch3, Message.text("again ch3 " + marker), null), T0);
          t.disputes().add(dispute(team, ch1.key(), ANA.key(), anas.id() + ":0", 1, T0));
          t.disputes().add(dispute(team, ch1.key(), BO.key(), bos.id() + ":0", 0, T0));
          return null;
        });
    return new Seeded(team, ch1, ch2, ch3, entries);
  }

  /** Every board a team has, as the store ranks it. */
  private List<List<Standing>> boards(Seeded s) {
    return all(
        t -> {
          LedgerQuery q = LedgerQuery.team(s.team());
          return List.of(
              t.ledger().top(q, 100),
              t.ledger().top(q.inSeason("s1"), 100),
              t.ledger().top(q.inSeason("s2"), 100),
              t.ledger().top(q.inChannel(s.ch1().key()), 100),
              t.ledger().top(q.inChannel(s.ch3().key()), 100),
              t.ledger().top(q.inChannel(s.ch1().key()).inSeason("s1"), 100),
              t.ledger().top(q.inCompetition("k1"), 100),
              t.ledger().top(q.inCompetition("k1").groups(), 100));
        });
  }

  /** The same boards summed by hand from {@code entries}. */
  private static List<List<Standing>> expectedBoards(Seeded s, List<LedgerEntry> entries) {
    java.util.function.BiFunction<
            java.util.function.Predicate<LedgerEntry>, Boolean, List<Standing>>
        board =
            (keep, groups) -> {
              java.util.Map<String, Standing> by = new java.util.HashMap<>();
              for (LedgerEntry e : entries) {
                String name = groups ? e.group() : e.user();
                if (!keep.test(e) || name == null) {
                  continue;
                }
                Standing was = by.get(name);
                by.put(
                    name,
                    was == null
                        ? new Standing(name, e.points(), 1, e.at())
                        : new Standing(
                            name,
                            was.points() + e.points(),
                            was.entries() + 1,
                            was.last().isAfter(e.at()) ? was.last() : e.at()));
              }
              return by.values().stream().sorted(Standing.ORDER).toList();
            };
    String c1 = s.ch1().key();
    String c3 = s.ch3().key();
    return List.of(
        board.apply(e -> true, false),
        board.apply(e -> e.season().equals("s1"), false),
        board.apply(e -> e.season().equals("s2"), false),
        board.apply(e -> c1.equals(e.channel()), false),
        board.apply(e -> c3.equals(e.channel()), false),
        board.apply(e -> c1.equals(e.channel()) && e.season().equals("s1"), false),
        board.apply(e -> "k1".equals(e.competition()), false),
        board.apply(e -> "k1".equals(e.competition()), true));
  }

  private List<String> docIds(String team) {
    return all(
        t -> {
          List<String> ids = new ArrayList<>();
          for (String kind :
              List.of("daily.schedule", "daily.post", "daily.answer", "profile", "drill.card")) {
            t.documents().byTeam(kind, team, 100).forEach(d -> ids.add(kind + "/" + d.id()));
          }
          return ids;
        });
  }

  @Test
  void erasingATeamLeavesNothingOfItAndSparesTheOthers() {
    Seeded a = seedTeam("AAA");
    Seeded b = seedTeam("BBB");
    List<List<Standing>> boardsOfB = boards(b);
    List<String> docsOfB = docIds(b.team());
    assertThat(boardsOfB).isEqualTo(expectedBoards(b, b.entries()));

    Erased erased = tx(t -> t.erase().team(a.team()));

    assertThat(erased.count("conversations")).isEqualTo(2);
    assertThat(erased.count("answers")).isEqualTo(3);
    assertThat(erased.count("documents")).isEqualTo(7);
    assertThat(erased.count("ledger entries")).isEqualTo(7);
    assertThat(erased.count("threads")).isEqualTo(3);
    assertThat(erased.count("outbox entries")).isEqualTo(4);
    assertThat(erased.count("disputes")).isEqualTo(2);
    assertThat(num(t -> t.disputes().count(a.team()))).isZero();
    assertThat(num(t -> t.disputes().count(b.team()))).isEqualTo(2);
    for (String id : List.of("AAA-iv-ana", "AAA-iv-bo")) {
      assertThat(find(t -> t.conversations().get(id))).isEmpty();
      assertThat(all(t -> t.answers().of(id))).isEmpty();
      assertThat(find(t -> t.threads().get(id))).isEmpty();
    }
    assertThat(find(t -> t.threads().get("dp:AAA"))).isEmpty();
    assertThat(find(t -> t.threads().byPlatformId(a.ch1().key(), "AAA-p1"))).isEmpty();
    assertThat(docIds(a.team())).isEmpty();
    assertThat(boards(a)).allSatisfy(board -> assertThat(board).isEmpty());
    assertThat(all(t -> t.ledger().entries(a.team(), ANA.key(), 100))).isEmpty();
    assertThat(find(t -> t.ledger().rank(LedgerQuery.team(a.team()), ANA.key()))).isEmpty();
    // B's two waiting messages and its dead letter are all that is left of the outbox.
    assertThat(num(t -> t.outbox().pending())).isEqualTo(2);
    assertThat(all(t -> t.outbox().deadLetters(10)))
        .extracting(e -> e.message().channel())
        .containsExactly(b.ch3());
    assertThat(all(t -> t.outbox().claim("w", T0, Duration.ofMinutes(1), 10)))
        .extracting(e -> e.message().channel())
        .containsExactlyInAnyOrder(b.ch1(), b.ch3());

    // B is untouched.
    assertThat(boards(b)).isEqualTo(boardsOfB);
    assertThat(docIds(b.team())).isEqualTo(docsOfB);
    assertThat(all(t -> t.answers().of("BBB-iv-bo"))).hasSize(2);
    assertThat(find(t -> t.threads().byPlatformId(b.ch1().key(), "BBB-p1")))
        .map(ThreadLink::anchor)
        .contains("BBB-iv-ana");
    assertThat(find(t -> t.threads().get("dp:BBB"))).isPresent();

    // Erasing again finds nothing; the team can start over.
    assertThat(tx(t -> t.erase().team(a.team())).isEmpty()).isTrue();
    seedTeam("AAA");
    assertThat(boards(a)).isEqualTo(expectedBoards(a, a.entries()));
  }

  @Test
  void erasingOnePersonLeavesTotalsEqualToTheRemainingEntries() {
    Seeded a = seedTeam("AAA");
    Seeded b = seedTeam("BBB");
    List<List<Standing>> boardsOfB = boards(b);

    Erased erased = tx(t -> t.erase().user(a.team(), ANA.key()));

    List<LedgerEntry> left = a.entries().stream().filter(e -> !e.user().equals(ANA.key())).toList();
    assertThat(boards(a)).isEqualTo(expectedBoards(a, left));
    // Group "red" keeps only Bo's 4 points, and "blue" is untouched.
    assertThat(all(t -> t.ledger().top(LedgerQuery.team(a.team()).inCompetition("k1").groups(), 9)))
        .containsExactly(
            new Standing("red", 4, 1, T0.plusSeconds(30)),
            new Standing("blue", 2, 1, T0.plusSeconds(10)));
    assertThat(find(t -> t.ledger().rank(LedgerQuery.team(a.team()), ANA.key()))).isEmpty();
    assertThat(find(t -> t.ledger().rank(LedgerQuery.team(a.team()), BO.key())))
        .map(Ledger.Rank::of)
        .contains(2);
    assertThat(all(t -> t.ledger().entries(a.team(), ANA.key(), 100))).isEmpty();
    assertThat(erased.count("ledger entries")).isEqualTo(4);
    assertThat(erased.count("conversations")).isEqualTo(1);
    assertThat(erased.count("answers")).isEqualTo(2);
    assertThat(erased.count("documents")).isEqualTo(3);
    assertThat(erased.count("threads")).isZero();
    assertThat(erased.count("outbox entries")).isZero();
    assertThat(erased.count("disputes")).isEqualTo(1);
    assertThat(all(t -> t.disputes().latest(a.team(), 10)))
        .extracting(Dispute::user)
        .containsExactly(BO.key());
    assertThat(num(t -> t.disputes().count(b.team()))).isEqualTo(2);

    assertThat(find(t -> t.conversations().get("AAA-iv-ana"))).isEmpty();
    assertThat(all(t -> t.answers().of("AAA-iv-ana"))).isEmpty();
    assertThat(all(t -> t.answers().of("AAA-iv-bo"))).extracting(Answer::user).containsExactly(BO);
    assertThat(docIds(a.team()))
        .containsExactlyInAnyOrder(
            "daily.schedule/" + a.ch2().key(),
            "daily.post/dp:AAA",
            "profile/" + a.team() + "#" + BO.key(),
            "profile/" + a.team() + "#" + ANA_LIKE.key());
    // The thread of Ana's interview stays, so replies the bot queued still find it.
    assertThat(find(t -> t.threads().get("AAA-iv-ana"))).isPresent();

    // Ana in team B is another person's record to erase: untouched.
    assertThat(boards(b)).isEqualTo(boardsOfB);
    assertThat(all(t -> t.ledger().entries(b.team(), ANA.key(), 100))).hasSize(4);
    assertThat(find(t -> t.conversations().get("BBB-iv-ana"))).isPresent();

    assertThat(tx(t -> t.erase().user(a.team(), ANA.key())).isEmpty()).isTrue();
  }

  @Test
  void cancellingATeamsQueueSparesMessagesBeingSentAndOtherTeams() {
    Seeded a = seedTeam("AAA");
    Seeded b = seedTeam("BBB");
    // A worker is sending A's ch1 message right now; the lease ends at T0 + 1 min.
    List<OutboxEntry> leased = all(t -> t.outbox().claim("w", T0, Duration.ofMinutes(1), 1));
    assertThat(leased).extracting(e -> e.message().channel()).containsExactly(a.ch1());

    assertThat(num(t -> t.erase().cancelPending(a.team(), T0.plusSeconds(1)))).isEqualTo(1);

    assertThat(num(t -> t.outbox().pending())).isEqualTo(3);
    assertThat(num(t -> t.outbox().deadCount())).isEqualTo(2);
    assertThat(all(t -> t.outbox().claim("w2", T0.plusSeconds(2), Duration.ofMinutes(1), 10)))
        .extracting(e -> e.message().channel())
        .containsExactlyInAnyOrder(b.ch1(), b.ch3());
    // The message being sent settles normally.
    tx(
        t -> {
          t.outbox().delivered(leased.get(0).id(), "p", T0.plusSeconds(3));
          return null;
        });
    assertThat(num(t -> t.erase().cancelPending(a.team(), T0.plusSeconds(4)))).isZero();
  }

  @Test
  void directMessagesGoWithTheirTeamAndTheirPerson() {
    TeamRef a = new TeamRef(SlackModule.PLATFORM, "TDMA");
    TeamRef b = new TeamRef(SlackModule.PLATFORM, "TDMB");
    java.util.function.BiFunction<TeamRef, UserRef, Long> dm =
        (team, user) ->
            num(
                t ->
                    t.outbox()
                        .enqueue(
                            new Outbound.Direct(team, user, Message.text("psst")),
                            T0,
                            null,
                            team.key(),
                            null));
    dm.apply(a, ANA);
    dm.apply(a, BO);
    dm.apply(b, ANA);
    // A removed team's direct messages are cancelled; another team's, to the same person, stay.
    assertThat(num(t -> t.erase().cancelPending(a.key(), T0))).isEqualTo(2);
    assertThat(all(t -> t.outbox().claim("w", T0, Duration.ofMillis(1), 10)))
        .extracting(e -> ((Outbound.Direct) e.message()).team())
        .containsExactly(b);
    // Erasing a person takes what they were told privately in that team, and only that.
    dm.apply(a, ANA);
    dm.apply(a, BO);
    Erased ana = tx(t -> t.erase().user(a.key(), ANA.key()));
    assertThat(ana.count("outbox entries")).isEqualTo(1);
    Erased team = tx(t -> t.erase().team(a.key()));
    assertThat(team.count("outbox entries")).isEqualTo(1);
    assertThat(num(t -> t.outbox().pending())).isEqualTo(1);
  }

  @Test
  void teamQueriesAndKeyValueHousekeeping() {
    Seeded a = seedTeam("AAA");
    seedTeam("BBB");
    assertThat(all(t -> t.conversations().activeIn(a.team(), "interview", 10)))
        .extracting(Conversation::id)
        .containsExactly("AAA-iv-ana", "AAA-iv-bo");
    assertThat(all(t -> t.conversations().activeIn(a.team(), "drill", 10))).isEmpty();
    assertThat(all(t -> t.conversations().activeIn(a.team(), "interview", 1))).hasSize(1);
    assertThat(all(t -> t.documents().byTeam("profile", a.team(), 10)))
        .extracting(Document::id)
        .containsExactly(
            a.team() + "#" + ANA.key(), a.team() + "#" + ANA_LIKE.key(), a.team() + "#" + BO.key());
    tx(
        t -> {
          t.kv().put("sc", "b", "2");
          t.kv().put("sc", "a", "1");
          t.kv().put("other", "a", "x");
          return null;
        });
    java.util.Map<String, String> scope = tx(t -> t.kv().all("sc"));
    assertThat(scope).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
    assertThat(yes(t -> t.kv().delete("sc", "a"))).isTrue();
    assertThat(yes(t -> t.kv().delete("sc", "a"))).isFalse();
    assertThat(this.<java.util.SortedMap<String, String>>tx(t -> t.kv().all("sc")))
        .containsOnlyKeys("b");
    assertThat(find(t -> t.kv().get("other", "a"))).contains("x");
  }

  @Test
  void aDocumentNamesAPersonOnlyByAWholeSegment() {
    assertThat(Erasure.namesUser("slack:T1#slack:U1", "slack:U1")).isTrue();
    assertThat(Erasure.namesUser("slack:T1#slack:U1#q-7", "slack:U1")).isTrue();
    assertThat(Erasure.namesUser("dp:x#slack:U1", "slack:U1")).isTrue();
    assertThat(Erasure.namesUser("slack:T1#slack:U12", "slack:U1")).isFalse();
    assertThat(Erasure.namesUser("slack:T1#slack:U12#slack:U1", "slack:U1")).isTrue();
    assertThat(Erasure.namesUser("slack:U1", "slack:U1")).isFalse();
  }
}
