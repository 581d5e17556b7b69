package dev.sparring.suggest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.bank.Banks;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Ids;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Lazy;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each team's view of the bank: the shared file packs plus the team's approved suggestions (stored
 * as {@link Suggestions#TEAM_PACK} documents), read as the pack {@link QuestionBank#TEAM_PACK} with
 * the same loader as a pack file. A stored question that no longer passes the checks, or whose id a
 * file pack now uses, is left out with a warning in the log; the rest of the team's questions and
 * every shared one are still served.
 *
 * <p>Views are cached per team. Every change to a team's questions (an approval, a removal) writes
 * a new random stamp for the team in the same transaction, and each lookup compares the cached
 * view's stamp with the stored one (one read by key): a change made on any replica is seen by every
 * replica from its next event on, with no expiry to wait for. Teams without questions of their own
 * share one view.
 */
public final class TeamBanks implements Banks {

  private static final Logger log = LoggerFactory.getLogger(TeamBanks.class);

  /** The stamp of a team's questions, changed with each of them: id {@code TEAM}. */
  static final String STAMP = "pack.team.stamp";

  /** More questions than a team is expected to approve; a guard, not a product limit. */
  static final int MAX = 10_000;

  private record View(String stamp, QuestionBank bank) {}

  private final QuestionBank shared;
  private final QuestionBank empty;
  private final PackLoader loader = new PackLoader();
  // Made at the first team lookup, not at start-up: see Lazy.
  private final Lazy<Cache<String, View>> views =
      Lazy.of(
          () ->
              Caffeine.newBuilder()
                  .maximumSize(2_000)
                  .expireAfterAccess(Duration.ofHours(1))
                  .build());

  /** Team views over these shared file packs. */
  public TeamBanks(QuestionBank shared) {
    this.shared = shared;
    this.empty = shared.plus(List.of(), QuestionBank.TEAM_PACK);
  }

  @Override
  public QuestionBank shared() {
    return shared;
  }

  @Override
  public QuestionBank forTeam(Tx tx, String teamKey) {
    String stamp = tx.documents().get(STAMP, teamKey).map(Document::body).orElse("");
    View cached = views.get().getIfPresent(teamKey);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.bank();
    }
    List<Question> own = load(tx, teamKey);
    QuestionBank bank = own.isEmpty() ? empty : shared.plus(own, QuestionBank.TEAM_PACK);
    views.get().put(teamKey, new View(stamp, bank));
    return bank;
  }

  /**
   * Marks the team's questions as changed (in {@code tx}, with the change): every replica reads
   * them again at its next lookup for the team.
   */
  static void changed(Tx tx, String teamKey) {
    Optional<Document> old = tx.documents().get(STAMP, teamKey);
    tx.documents().put(Document.saved(old, STAMP, teamKey, teamKey, Ids.random("", 16), null));
  }

  /** The team's stored questions that still load, each checked as a one-question pack file. */
  private List<Question> load(Tx tx, String teamKey) {
    List<Question> out = new ArrayList<>();
    for (Document d : tx.documents().byPrefix(Suggestions.TEAM_PACK, teamKey + "#", MAX)) {
      if (!d.team().equals(teamKey)) {
        continue;
      }
      read(d).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Question> read(Document d) {
    PackLoader.Result checked;
    try {
      String yaml = Json.read(d.body(), Suggestions.Suggestion.class).yaml();
      checked = loader.check(QuestionBank.TEAM_PACK, yaml == null ? "" : yaml);
    } catch (RuntimeException e) {
      log.warn("team question {} is unreadable and is left out: {}", d.id(), e.toString());
      return Optional.empty();
    }
    if (!checked.problems().isEmpty() || checked.bank().size() != 1) {
      log.warn(
          "team question {} no longer passes the pack checks and is left out: {}",
          d.id(),
          checked.problems().isEmpty()
              ? checked.bank().size() + " questions instead of one"
              : checked.problems().get(0).message());
      return Optional.empty();
    }
    Question q = checked.bank().questions().get(0);
    if (shared.get(q.id()).isPresent()) {
      log.warn(
          "team question {} is left out: a file pack now has a question with id {}",
          d.id(),
          q.id());
      return Optional.empty();
    }
    return Optional.of(asData(q));
  }

  /**
   * The question with the texts a person wrote marked as data, shown as typed on every platform,
   * never as markup or a ping: its prompt, hint and follow-up prompts are wrapped as data spans,
   * its key points (and their follow-ups') are marked {@link KeyPoint#fromPerson}, so their texts
   * stay as written for grading and stored records and are wrapped wherever a message shows them.
   */
  static Question asData(Question q) {
    List<dev.sparring.bank.FollowUp> followUps =
        q.followUps().stream()
            .map(
                f ->
                    new dev.sparring.bank.FollowUp(
                        Inline.data(f.prompt()), asData(f.keyPoints()), f.sources()))
            .toList();
    return new Question(
        q.id(),
        q.pack(),
        q.level(),
        q.topics(),
        Inline.data(q.prompt()),
        q.hint().isEmpty() ? "" : Inline.data(q.hint()),
        q.sources(),
        asData(q.keyPoints()),
        followUps);
  }

  private static List<KeyPoint> asData(List<KeyPoint> points) {
    return points.stream().map(KeyPoint::asData).toList();
  }

  /** Whether {@code id} is taken by a shared question (a team question may not shadow it). */
  boolean sharedHas(String id) {
    return shared.get(id).isPresent();
  }
}
