package dev.sparring.bank;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The rules of a pack file: validates each question, its follow-ups (the later steps), their key
 * points and misconceptions, and the sources they cite. A question with any problem is left out;
 * the others are kept with the position they were defined at.
 */
final class PackQuestions {

  /** A correction is one line of at most this many characters. */
  static final int MAX_CORRECTION = 200;

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

  private static final Set<String> TOP_KEYS = Set.of("questions");
  private static final Set<String> QUESTION_KEYS =
      Set.of("id", "level", "topics", "prompt", "hint", "sources", "keyPoints", "followUps");
  private static final Set<String> FOLLOW_UP_KEYS = Set.of("prompt", "keyPoints", "sources");
  private static final Set<String> KEY_POINT_KEYS =
      Set.of("point", "terms", "wrong", "ref", "asOf");
  private static final Set<String> MISCONCEPTION_KEYS = Set.of("claim", "terms", "correction");

  private final PackYaml yaml;
  private final String pack;
  private final Set<String> known;
  private final Map<String, Problem> positions = new HashMap<>();

  /**
   * The questions of one file of {@code pack}; {@code known} are the source ids they may cite, or
   * null when sources are not checked.
   */
  private final boolean keepDrafts;

  PackQuestions(Path path, String pack, Set<String> known, boolean keepDrafts) {
    this.yaml = new PackYaml(path);
    this.pack = pack;
    this.known = known;
    this.keepDrafts = keepDrafts;
  }

  /** The problems found in this file. */
  List<Problem> problems() {
    return yaml.problems();
  }

  /** The TODO placeholders of the file; the questions holding them were skipped. */
  List<Problem> drafts() {
    return yaml.drafts();
  }

  /** Doubts that did not stop a question from loading. */
  List<Problem> warnings() {
    return yaml.warnings();
  }

  /** Where the question {@code id} of this file was defined (a problem without a message). */
  Problem where(String id) {
    return positions.get(id);
  }

  /** The file's valid questions, in file order. */
  List<Question> read() {
    Node root = yaml.root();
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof MappingNode map)) {
      yaml.problem(root, "a pack file is a mapping with a 'questions' list");
      return List.of();
    }
    NodeTuple questions = yaml.keys(map, TOP_KEYS).get("questions");
    if (questions == null) {
      yaml.problem(root, "missing 'questions'");
      return List.of();
    }
    if (!(questions.getValueNode() instanceof SequenceNode seq)) {
      yaml.problem(questions.getValueNode(), "'questions' must be a list");
      return List.of();
    }
    List<Question> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      Question q = question(item);
      if (q != null) {
        out.add(q);
      }
    }
    return out;
  }

  private Question question(Node node) {
    if (!(node instanceof MappingNode map)) {
      yaml.problem(node, "each question is a mapping (id, level, topics, prompt, keyPoints, ...)");
      return null;
    }
    int before = yaml.problemCount();
    int draftsBefore = yaml.drafts().size();
    Map<String, NodeTuple> k = yaml.keys(map, QUESTION_KEYS);
    String id = yaml.scalar(k.get("id"), node, "id", true);
    if (id != null && !ID.matcher(id).matches()) {
      yaml.problem(k.get("id").getValueNode(), "id '" + id + "' must match " + ID.pattern());
    }
    String levelText = yaml.scalar(k.get("level"), node, "level", true);
    Level level = Level.parse(levelText).orElse(null);
    if (levelText != null && level == null) {
      yaml.problem(
          k.get("level").getValueNode(),
          "unknown level '" + levelText + "' (use beginner, intermediate, advanced or senior)");
    }
    List<String> topics = yaml.strings(k.get("topics"), node, "topics", true);
    String prompt = yaml.text(k.get("prompt"), node, "prompt");
    String hint = k.containsKey("hint") ? yaml.scalar(k.get("hint"), node, "hint", false) : "";
    List<String> sources = sources(k.get("sources"));
    List<KeyPoint> keyPoints = keyPoints(k.get("keyPoints"), node, "question");
    if (level != null && keyPoints != null && keyPoints.size() < level.minKeyPoints()) {
      yaml.problem(
          k.get("keyPoints").getKeyNode(),
          tooFew("key points", keyPoints.size(), level, level.minKeyPoints()));
    }
    List<FollowUp> followUps = followUps(k.get("followUps"), node);
    if (level != null && followUps != null && followUps.size() < level.minFollowUps()) {
      yaml.problem(
          k.get("followUps").getKeyNode(),
          tooFew("follow-ups", followUps.size(), level, level.minFollowUps()));
    }
    if (yaml.problemCount() > before || id == null) {
      return null;
    }
    if (!keepDrafts && yaml.drafts().size() > draftsBefore) {
      // Looked up here, not held in a static field: packs are read before logging is set up.
      org.slf4j.LoggerFactory.getLogger(PackQuestions.class)
          .warn(
              "skipping draft question {} ({}): {} TODO placeholder(s) from `sparring import` left",
              id,
              yaml.at(node.getStartMark(), "").toString().replaceAll(": $", ""),
              yaml.drafts().size() - draftsBefore);
      return null;
    }
    positions.put(id, yaml.at(node.getStartMark(), ""));
    return new Question(
        id,
        pack,
        level,
        topics.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
        prompt,
        hint,
        sources,
        keyPoints,
        followUps);
  }

  private static String tooFew(String what, int count, Level level, int min) {
    return "too few "
        + what
        + ": "
        + count
        + " (a "
        + level.label()
        + " question needs at least "
        + min
        + ")";
  }

  private List<FollowUp> followUps(NodeTuple t, Node owner) {
    if (t == null) {
      yaml.problem(owner, "missing 'followUps'");
      return null;
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      yaml.problem(t.getValueNode(), "'followUps' must be a list");
      return null;
    }
    List<FollowUp> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode map)) {
        yaml.problem(item, "each follow-up is a mapping (prompt, keyPoints, sources)");
        continue;
      }
      Map<String, NodeTuple> k = yaml.keys(map, FOLLOW_UP_KEYS);
      String prompt = yaml.text(k.get("prompt"), item, "follow-up prompt");
      List<KeyPoint> points = keyPoints(k.get("keyPoints"), item, "follow-up");
      if (points != null && points.size() < 2) {
        yaml.problem(
            k.get("keyPoints").getKeyNode(),
            "too few key points: " + points.size() + " (a follow-up needs at least 2)");
      }
      List<String> sources = k.containsKey("sources") ? sources(k.get("sources")) : List.of();
      if (prompt != null && points != null) {
        out.add(new FollowUp(prompt, points, sources));
      }
    }
    return out;
  }

  private List<KeyPoint> keyPoints(NodeTuple t, Node owner, String what) {
    if (t == null) {
      yaml.problem(owner, "missing 'keyPoints' on " + what);
      return null;
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      yaml.problem(t.getValueNode(), "'keyPoints' must be a list");
      return null;
    }
    List<KeyPoint> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode map)) {
        yaml.problem(item, "each key point is a mapping (point, terms)");
        continue;
      }
      Map<String, NodeTuple> k = yaml.keys(map, KEY_POINT_KEYS);
      String point = yaml.text(k.get("point"), item, "point");
      List<String> terms = yaml.strings(k.get("terms"), item, "terms", true);
      List<Misconception> wrong = misconceptions(k.get("wrong"), terms);
      String ref = ref(k.get("ref"), k.get("asOf"), item);
      java.time.LocalDate asOf = asOf(k.get("asOf"), k.get("ref"), item);
      if (point != null && ref == null && Sourcing.statesAFigure(point)) {
        yaml.warning(
            item,
            "key point \u201c"
                + dev.sparring.chat.Texts.clip(point, 60)
                + "\u201d states a figure, limit, price or availability without 'ref' and 'asOf'"
                + " (the documentation page, and the day it was checked there)");
      }
      if (point != null && !terms.isEmpty() && wrong != null) {
        out.add(new KeyPoint(point, terms, wrong, ref, asOf));
      }
    }
    return out;
  }

  /**
   * A key point's {@code wrong:} list: each entry a claim, the terms that show it and a one-line
   * correction. A misconception term may not repeat one of the point's own terms. Null when an
   * entry is broken (the problem is recorded).
   */
  private List<Misconception> misconceptions(NodeTuple t, List<String> pointTerms) {
    if (t == null) {
      return List.of();
    }
    if (!(t.getValueNode() instanceof SequenceNode seq)) {
      yaml.problem(
          t.getValueNode(), "'wrong' must be a list of misconceptions (claim, terms, correction)");
      return null;
    }
    Set<String> own = new HashSet<>();
    pointTerms.forEach(term -> own.add(term.toLowerCase(Locale.ROOT)));
    List<Misconception> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : seq.getValue()) {
      if (!(item instanceof MappingNode map)) {
        yaml.problem(item, "each misconception is a mapping (claim, terms, correction)");
        ok = false;
        continue;
      }
      Map<String, NodeTuple> k = yaml.keys(map, MISCONCEPTION_KEYS);
      String claim = yaml.text(k.get("claim"), item, "claim");
      List<String> terms = yaml.strings(k.get("terms"), item, "terms", true);
      String correction = yaml.text(k.get("correction"), item, "correction");
      if (correction != null
          && (correction.length() > MAX_CORRECTION || correction.contains("\n"))) {
        yaml.problem(
            k.get("correction").getValueNode(),
            "a correction is one line of at most " + MAX_CORRECTION + " characters");
        correction = null;
      }
      for (String term : terms) {
        if (own.contains(term.toLowerCase(Locale.ROOT))) {
          yaml.problem(
              k.get("terms").getValueNode(),
              "misconception term '" + term + "' is also a term of the key point");
          ok = false;
        }
      }
      if (claim == null || terms.isEmpty() || correction == null) {
        ok = false;
        continue;
      }
      out.add(new Misconception(claim, terms, correction));
    }
    return ok ? out : null;
  }

  private List<String> sources(NodeTuple t) {
    if (t == null) {
      return List.of();
    }
    List<String> ids = yaml.strings(t, null, "sources", false);
    if (known != null && t.getValueNode() instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size() && i < ids.size(); i++) {
        if (!known.contains(ids.get(i))) {
          yaml.problem(items.get(i), "unknown source id '" + ids.get(i) + "'");
        }
      }
    }
    return ids;
  }

  /** A key point's {@code ref}: an https documentation URL, given together with {@code asOf}. */
  private String ref(NodeTuple t, NodeTuple asOf, Node owner) {
    String url = yaml.scalar(t, owner, "ref", false);
    if (url == null || url.isEmpty()) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new java.net.URISyntaxException(url, "not https");
      }
    } catch (java.net.URISyntaxException e) {
      yaml.problem(
          t.getValueNode(), "'ref' must be an https:// URL of the page the point rests on");
      return null;
    }
    if (asOf == null) {
      yaml.problem(
          t.getKeyNode(), "'ref' needs 'asOf': the day the point was checked there (YYYY-MM-DD)");
    }
    return url;
  }

  /** A key point's {@code asOf}: the day (YYYY-MM-DD) its claim was checked against its ref. */
  private java.time.LocalDate asOf(NodeTuple t, NodeTuple ref, Node owner) {
    String text = yaml.scalar(t, owner, "asOf", false);
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (ref == null) {
      yaml.problem(t.getKeyNode(), "'asOf' needs 'ref': the page the point was checked against");
    }
    try {
      return java.time.LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      yaml.problem(t.getValueNode(), "'asOf' must be a date like 2026-11-30 (got '" + text + "')");
      return null;
    }
  }
}
