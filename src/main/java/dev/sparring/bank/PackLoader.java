package dev.sparring.bank;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads question packs: every {@code *.yaml} file of a pack folder. Broken questions are left out
 * and reported as {@link Problem}s with file, line and column; the rest still load, so one typo
 * never takes the whole bank down. Files over {@link #MAX_FILE_BYTES} and YAML aliases (the
 * "billion laughs" attack) are refused before parsing.
 */
public final class PackLoader {

  public static final long MAX_FILE_BYTES = 1024 * 1024;

  /** A pack folder may list the source ids its questions may cite, one per line (first column). */
  public static final String SOURCES_FILE = "sources.tsv";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final Pattern PACK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final int MAX_TEXT = 4000;
  private static final Set<String> QUESTION_KEYS =
      Set.of("id", "level", "topics", "prompt", "hint", "sources", "keyPoints", "followUps");
  private static final Set<String> FOLLOW_UP_KEYS = Set.of("prompt", "keyPoints", "sources");
  private static final Set<String> KEY_POINT_KEYS = Set.of("point", "terms", "wrong");
  private static final Set<String> MISCONCEPTION_KEYS = Set.of("claim", "terms", "correction");

  /** A correction is one line of at most this many characters. */
  static final int MAX_CORRECTION = 200;

  private final Set<String> extraSources;

  /** A loader that checks {@code sources} against the packs' own source lists only. */
  public PackLoader() {
    this(Set.of());
  }

  /** A loader that also accepts these source ids (for example a seed index). */
  public PackLoader(Set<String> extraSources) {
    this.extraSources = Set.copyOf(extraSources);
  }

  /** What loading produced: the questions that passed, and every problem found. */
  public record Result(QuestionBank bank, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Loads each root: a folder holding pack folders ({@code prompts/}) or a pack folder itself
   * ({@code prompts/serverless/}, recognised by its YAML files).
   */
  public Result load(List<Path> roots) {
    List<Problem> problems = new ArrayList<>();
    Map<Path, String> files = new LinkedHashMap<>();
    Set<String> known = new HashSet<>(extraSources);
    boolean checkSources = !extraSources.isEmpty();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        problems.add(new Problem(root.toString(), 1, 1, "not a folder"));
        continue;
      }
      for (Path pack : packFolders(root)) {
        String name = pack.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!PACK.matcher(name).matches()) {
          problems.add(
              new Problem(pack.toString(), 1, 1, "pack folder name must match " + PACK.pattern()));
          continue;
        }
        Path sources = pack.resolve(SOURCES_FILE);
        if (Files.isRegularFile(sources)) {
          checkSources = true;
          known.addAll(readSourceIds(sources, problems));
        }
        yamlFiles(pack).forEach(f -> files.put(f, name));
      }
    }
    Set<String> sources = checkSources ? Set.copyOf(known) : null;
    // Files parse in parallel (YAML parsing dominates start-up); they are merged in order.
    List<FileReader> readers =
        files.entrySet().stream()
            .map(e -> new FileReader(e.getKey(), e.getValue(), sources, new ArrayList<>()))
            .toList();
    List<List<Question>> read = readers.parallelStream().map(FileReader::read).toList();
    Map<String, Problem> firstSeen = new HashMap<>();
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      FileReader reader = readers.get(i);
      problems.addAll(reader.problems);
      for (Question q : read.get(i)) {
        Problem here = reader.where(q.id());
        Problem first = firstSeen.putIfAbsent(q.id(), here);
        if (first != null) {
          problems.add(
              new Problem(
                  here.file(),
                  here.line(),
                  here.column(),
                  "duplicate id '"
                      + q.id()
                      + "' (first defined at "
                      + first.file()
                      + ":"
                      + first.line()
                      + ")"));
        } else {
          questions.add(q);
        }
      }
    }
    problems.sort(null);
    return new Result(QuestionBank.of(questions), List.copyOf(problems));
  }

  private static List<Path> packFolders(Path root) {
    if (!yamlFiles(root).isEmpty()) {
      return List.of(root);
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isDirectory)
          .sorted()
          .filter(p -> !yamlFiles(p).isEmpty())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Set<String> readSourceIds(Path file, List<Problem> problems) {
    Set<String> ids = new HashSet<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String id = line.split("\t", 2)[0].strip();
        if (!id.isEmpty() && !id.startsWith("#") && !id.equals("id")) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      problems.add(new Problem(file.toString(), 1, 1, "cannot read: " + e.getMessage()));
    }
    return ids;
  }

  /** Reads one file; keeps the position of each question for later messages. */
  private static final class FileReader {
    private final Path path;
    private final String file;
    private final String pack;
    private final Set<String> known;
    private final List<Problem> problems;
    private final Map<String, Problem> positions = new HashMap<>();

    FileReader(Path path, String pack, Set<String> known, List<Problem> problems) {
      this.path = path;
      this.file = path.toString();
      this.pack = pack;
      this.known = known;
      this.problems = problems;
    }

    Problem where(String id) {
      return positions.get(id);
    }

    List<Question> read() {
      String text = text();
      if (text == null) {
        return List.of();
      }
      Node root = parse(text);
      if (root == null) {
        return List.of();
      }
      if (!(root instanceof MappingNode map)) {
        problem(root, "a pack file is a mapping with a 'questions' list");
        return List.of();
      }
      Map<String, NodeTuple> top = keys(map, Set.of("questions"));
      NodeTuple questions = top.get("questions");
      if (questions == null) {
        problem(root, "missing 'questions'");
        return List.of();
      }
      if (!(questions.getValueNode() instanceof SequenceNode seq)) {
        problem(questions.getValueNode(), "'questions' must be a list");
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

    private String text() {
      try {
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
          problems.add(
              new Problem(
                  file, 1, 1, "file is " + size + " bytes; a pack file may have at most 1 MiB"));
          return null;
        }
        byte[] bytes = Files.readAllBytes(path);
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        problems.add(new Problem(file, 1, 1, "file is not valid UTF-8"));
      } catch (IOException e) {
        problems.add(new Problem(file, 1, 1, "cannot read: " + e.getMessage()));
      }
      return null;
    }

    private Node parse(String text) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(0);
      options.setNestingDepthLimit(20);
      options.setCodePointLimit((int) MAX_FILE_BYTES);
      Yaml yaml = new Yaml(options);
      try {
        // Aliases are refused outright before anything is expanded. An alias needs an anchor
        // ("&"): a file without one is not scanned twice.
        for (Event e :
            text.indexOf('&') < 0 ? List.<Event>of() : yaml.parse(new StringReader(text))) {
          if (e instanceof AliasEvent alias) {
            problem(
                alias.getStartMark(),
                "YAML aliases (*" + alias.getAnchor() + ") are not allowed in packs");
            return null;
          }
        }
        Node node = yaml.compose(new StringReader(text));
        if (node == null) {
          problems.add(new Problem(file, 1, 1, "file is empty"));
        }
        return node;
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
        problem(mark, "YAML syntax: " + what.strip());
      } catch (YAMLException e) {
        problems.add(new Problem(file, 1, 1, "YAML: " + e.getMessage()));
      }
      return null;
    }

    private Question question(Node node) {
      if (!(node instanceof MappingNode map)) {
        problem(node, "each question is a mapping (id, level, topics, prompt, keyPoints, ...)");
        return null;
      }
      int before = problems.size();
      Map<String, NodeTuple> k = keys(map, QUESTION_KEYS);
      String id = scalar(k.get("id"), node, "id", true);
      if (id != null && !ID.matcher(id).matches()) {
        problem(k.get("id").getValueNode(), "id '" + id + "' must match " + ID.pattern());
      }
      String levelText = scalar(k.get("level"), node, "level", true);
      Level level = Level.parse(levelText).orElse(null);
      if (levelText != null && level == null) {
        problem(
            k.get("level").getValueNode(),
            "unknown level '" + levelText + "' (use beginner, intermediate, advanced or senior)");
      }
      List<String> topics = strings(k.get("topics"), node, "topics", true);
      String prompt = text(k.get("prompt"), node, "prompt");
      String hint = k.containsKey("hint") ? scalar(k.get("hint"), node, "hint", false) : "";
      List<String> sources = sources(k.get("sources"));
      List<KeyPoint> keyPoints = keyPoints(k.get("keyPoints"), node, "question");
      if (level != null && keyPoints != null && keyPoints.size() < level.minKeyPoints()) {
        problem(
            k.get("keyPoints").getKeyNode(),
            "too few key points: "
                + keyPoints.size()
                + " (a "
                + level.label()
                + " question needs at least "
                + level.minKeyPoints()
                + ")");
      }
      List<FollowUp> followUps = followUps(k.get("followUps"), node);
      if (level != null && followUps != null && followUps.size() < level.minFollowUps()) {
        problem(
            k.get("followUps").getKeyNode(),
            "too few follow-ups: "
                + followUps.size()
                + " (a "
                + level.label()
                + " question needs at least "
                + level.minFollowUps()
                + ")");
      }
      if (problems.size() > before || id == null) {
        return null;
      }
      positions.put(id, at(node.getStartMark(), ""));
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

    private List<FollowUp> followUps(NodeTuple t, Node owner) {
      if (t == null) {
        problem(owner, "missing 'followUps'");
        return null;
      }
      if (!(t.getValueNode() instanceof SequenceNode seq)) {
        problem(t.getValueNode(), "'followUps' must be a list");
        return null;
      }
      List<FollowUp> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (!(item instanceof MappingNode map)) {
          problem(item, "each follow-up is a mapping (prompt, keyPoints, sources)");
          continue;
        }
        Map<String, NodeTuple> k = keys(map, FOLLOW_UP_KEYS);
        String prompt = text(k.get("prompt"), item, "follow-up prompt");
        List<KeyPoint> points = keyPoints(k.get("keyPoints"), item, "follow-up");
        if (points != null && points.size() < 2) {
          problem(
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
        problem(owner, "missing 'keyPoints' on " + what);
        return null;
      }
      if (!(t.getValueNode() instanceof SequenceNode seq)) {
        problem(t.getValueNode(), "'keyPoints' must be a list");
        return null;
      }
      List<KeyPoint> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (!(item instanceof MappingNode map)) {
          problem(item, "each key point is a mapping (point, terms)");
          continue;
        }
        Map<String, NodeTuple> k = keys(map, KEY_POINT_KEYS);
        String point = text(k.get("point"), item, "point");
        List<String> terms = strings(k.get("terms"), item, "terms", true);
        List<Misconception> wrong = misconceptions(k.get("wrong"), terms);
        if (point != null && !terms.isEmpty() && wrong != null) {
          out.add(new KeyPoint(point, terms, wrong));
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
        problem(
            t.getValueNode(),
            "'wrong' must be a list of misconceptions (claim, terms, correction)");
        return null;
      }
      Set<String> own = new HashSet<>();
      pointTerms.forEach(term -> own.add(term.toLowerCase(Locale.ROOT)));
      List<Misconception> out = new ArrayList<>();
      boolean ok = true;
      for (Node item : seq.getValue()) {
        if (!(item instanceof MappingNode map)) {
          problem(item, "each misconception is a mapping (claim, terms, correction)");
          ok = false;
          continue;
        }
        Map<String, NodeTuple> k = keys(map, MISCONCEPTION_KEYS);
        String claim = text(k.get("claim"), item, "claim");
        List<String> terms = strings(k.get("terms"), item, "terms", true);
        String correction = text(k.get("correction"), item, "correction");
        if (correction != null
            && (correction.length() > MAX_CORRECTION || correction.contains("\n"))) {
          problem(
              k.get("correction").getValueNode(),
              "a correction is one line of at most " + MAX_CORRECTION + " characters");
          correction = null;
        }
        for (String term : terms) {
          if (own.contains(term.toLowerCase(Locale.ROOT))) {
            problem(
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
      List<String> ids = strings(t, null, "sources", false);
      if (known != null && t.getValueNode() instanceof SequenceNode seq) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size() && i < ids.size(); i++) {
          if (!known.contains(ids.get(i))) {
            problem(items.get(i), "unknown source id '" + ids.get(i) + "'");
          }
        }
      }
      return ids;
    }

    private Map<String, NodeTuple> keys(MappingNode map, Set<String> allowed) {
      Map<String, NodeTuple> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode key)) {
          problem(t.getKeyNode(), "keys must be plain words");
          continue;
        }
        if (!allowed.contains(key.getValue())) {
          problem(
              key,
              "unknown key '"
                  + key.getValue()
                  + "' (expected one of: "
                  + String.join(", ", allowed.stream().sorted().toList())
                  + ")");
          continue;
        }
        out.put(key.getValue(), t);
      }
      return out;
    }

    private String scalar(NodeTuple t, Node owner, String what, boolean required) {
      if (t == null) {
        if (required) {
          problem(owner, "missing '" + what + "'");
        }
        return null;
      }
      if (!(t.getValueNode() instanceof ScalarNode s)) {
        problem(t.getValueNode(), "'" + what + "' must be text");
        return null;
      }
      String v = s.getValue().strip();
      if (v.isEmpty() && required) {
        problem(s, "'" + what + "' is empty");
        return null;
      }
      return v;
    }

    private String text(NodeTuple t, Node owner, String what) {
      String v = scalar(t, owner, what, true);
      if (v != null && v.length() > MAX_TEXT) {
        problem(
            t.getValueNode(), what + " is " + v.length() + " characters (limit " + MAX_TEXT + ")");
        return null;
      }
      return v;
    }

    private List<String> strings(NodeTuple t, Node owner, String what, boolean required) {
      if (t == null) {
        if (required) {
          problem(owner, "missing '" + what + "'");
        }
        return List.of();
      }
      if (!(t.getValueNode() instanceof SequenceNode seq)) {
        problem(t.getValueNode(), "'" + what + "' must be a list");
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
          out.add(s.getValue().strip());
        } else {
          problem(item, "each entry of '" + what + "' must be non-empty text");
        }
      }
      if (required && out.isEmpty() && seq.getValue().isEmpty()) {
        problem(seq, "'" + what + "' is empty");
      }
      return out;
    }

    private void problem(Node node, String message) {
      problem(node.getStartMark(), message);
    }

    private void problem(Mark mark, String message) {
      problems.add(at(mark, message));
    }

    private Problem at(Mark mark, String message) {
      return mark == null
          ? new Problem(file, 1, 1, message)
          : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, message);
    }
  }
}
