package dev.sparring.bank;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * All loaded questions, by id and in a stable order (pack, then id). Immutable. A team's view adds
 * the team's approved questions as the pack {@link #TEAM_PACK} (see {@link Banks}).
 */
public final class QuestionBank {

  /** The pack of a team's own questions (suggested in chat and approved by an admin). */
  public static final String TEAM_PACK = "team";

  private final Map<String, Question> byId;
  private final SortedSet<String> packs;
  private final SortedSet<String> topics;

  private QuestionBank(Map<String, Question> byId, Collection<String> declaredPacks) {
    this.byId = byId;
    this.packs = new TreeSet<>(declaredPacks);
    this.topics = new TreeSet<>();
    byId.values().forEach(q -> packs.add(q.pack()));
    byId.values().forEach(q -> topics.addAll(q.topics()));
  }

  /** A bank of these questions; ids must be unique. */
  public static QuestionBank of(Collection<Question> questions) {
    return new QuestionBank(sorted(questions), List.of());
  }

  /**
   * This bank plus {@code more} (their ids must differ from this bank's), with {@code pack} known
   * as a pack name even when none of them is in it: a filter word such as {@code team} then reads
   * as a pack that has no questions yet rather than as a typo.
   */
  public QuestionBank plus(Collection<Question> more, String pack) {
    List<Question> all = new java.util.ArrayList<>(byId.values());
    all.addAll(more);
    java.util.Set<String> declared = new java.util.HashSet<>(packs);
    declared.add(pack.toLowerCase(Locale.ROOT));
    return new QuestionBank(sorted(all), declared);
  }

  private static Map<String, Question> sorted(Collection<Question> questions) {
    Map<String, Question> map = new LinkedHashMap<>();
    questions.stream()
        .sorted(
            java.util.Comparator.comparing(Question::pack)
                .thenComparing(Question::level)
                .thenComparing(Question::id))
        .forEach(
            q -> {
              if (map.putIfAbsent(q.id(), q) != null) {
                throw new IllegalArgumentException("duplicate question id " + q.id());
              }
            });
    return map;
  }

  public Optional<Question> get(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.strip()));
  }

  public List<Question> questions() {
    return List.copyOf(byId.values());
  }

  public int size() {
    return byId.size();
  }

  public SortedSet<String> packs() {
    return java.util.Collections.unmodifiableSortedSet(packs);
  }

  public SortedSet<String> topics() {
    return java.util.Collections.unmodifiableSortedSet(topics);
  }

  public boolean hasPack(String name) {
    return packs.contains(name.toLowerCase(Locale.ROOT));
  }

  public boolean hasTopic(String name) {
    return topics.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Questions matching every given criterion; a null criterion matches all. */
  public List<Question> select(String pack, Level level, String topic) {
    return byId.values().stream()
        .filter(q -> pack == null || q.pack().equalsIgnoreCase(pack))
        .filter(q -> level == null || q.level() == level)
        .filter(q -> topic == null || q.topics().contains(topic.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /**
   * The candidates whose ids are not in {@code seen}, or all of them when every one was seen: what
   * each feature offers first so people meet new questions before repeats.
   */
  public static List<Question> unseenFirst(
      List<Question> candidates, java.util.Collection<String> seen) {
    java.util.Set<String> ids = new java.util.HashSet<>(seen);
    List<Question> fresh = candidates.stream().filter(q -> !ids.contains(q.id())).toList();
    return fresh.isEmpty() ? candidates : fresh;
  }
}
