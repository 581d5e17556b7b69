package dev.sparring.bank;

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

/**
 * Reads question packs: every {@code *.yaml} file of a pack folder. Broken questions are left out
 * and reported as {@link Problem}s with file, line and column; the rest still load, so one typo
 * never takes the whole bank down. Files over {@link #MAX_FILE_BYTES} and YAML aliases (the
 * "billion laughs" attack) are refused before parsing.
 *
 * <p>This class finds the files and assembles the {@link QuestionBank} (an id defined twice keeps
 * its first definition); {@link PackYaml} reads a file with positions and {@link PackQuestions}
 * validates its questions.
 */
public final class PackLoader {

  public static final long MAX_FILE_BYTES = 1024 * 1024;

  /** A pack folder may list the source ids its questions may cite, one per line (first column). */
  public static final String SOURCES_FILE = "sources.tsv";

  private static final Pattern PACK = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private final Set<String> extraSources;
  private final boolean keepDrafts;

  /** A loader that checks {@code sources} against the packs' own source lists only. */
  public PackLoader() {
    this(Set.of());
  }

  /** A loader that also accepts these source ids (for example a seed index). */
  public PackLoader(Set<String> extraSources) {
    this(extraSources, false);
  }

  private PackLoader(Set<String> extraSources, boolean keepDrafts) {
    this.extraSources = Set.copyOf(extraSources);
    this.keepDrafts = keepDrafts;
  }

  /**
   * This loader, keeping draft questions (TODO placeholders of an import skeleton) in the bank
   * instead of skipping them: for checking a draft's shape, never for serving it.
   */
  public PackLoader keepingDrafts() {
    return new PackLoader(extraSources, true);
  }

  /**
   * What was loaded: the bank, the problems (a question with one is left out), the TODO
   * placeholders of draft questions (left out too) and warnings (the question loads).
   */
  public record Result(
      QuestionBank bank, List<Problem> problems, List<Problem> drafts, List<Problem> warnings) {
    public Result(QuestionBank bank, List<Problem> problems) {
      this(bank, problems, List.of(), List.of());
    }

    /** No problems (drafts and warnings aside). */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Loads each root: a folder holding pack folders ({@code prompts/}) or a pack folder itself
   * ({@code prompts/serverless/}, recognised by its YAML files).
   */
  /**
   * Checks the text of one pack file exactly as {@link #load} checks a file on disk (it is written
   * to a scratch folder, loaded, and removed): for packs that live in the database, such as a
   * team's approved suggestions.
   */
  public Result check(String pack, String yaml) {
    Path root = null;
    try {
      root = Files.createTempDirectory("sparring-pack-check");
      Path dir = Files.createDirectories(root.resolve(pack));
      Files.writeString(dir.resolve(pack + ".yaml"), yaml);
      return load(List.of(root));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot check pack text", e);
    } finally {
      if (root != null) {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
          // a scratch folder left behind in the temp directory; nothing to do
        }
      }
    }
  }

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
      for (Path pack : PackFolders.of(root)) {
        String name = pack.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!PACK.matcher(name).matches()) {
          problems.add(
              new Problem(pack.toString(), 1, 1, "pack folder name must match " + PACK.pattern()));
          continue;
        }
        Path sources = pack.resolve(SOURCES_FILE);
        if (Files.isRegularFile(sources)) {
          checkSources = true;
          known.addAll(PackFolders.sourceIds(sources, problems));
        }
        PackFolders.yamlFiles(pack).forEach(f -> files.put(f, name));
      }
    }
    Set<String> sources = checkSources ? Set.copyOf(known) : null;
    // Files parse in parallel (YAML parsing dominates start-up); they are merged in order.
    List<PackQuestions> readers =
        files.entrySet().stream()
            .map(e -> new PackQuestions(e.getKey(), e.getValue(), sources, keepDrafts))
            .toList();
    List<List<Question>> read = readers.parallelStream().map(PackQuestions::read).toList();
    List<Question> questions = assemble(readers, read, problems);
    problems.sort(null);
    List<Problem> drafts = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    readers.forEach(
        r -> {
          drafts.addAll(r.drafts());
          warnings.addAll(r.warnings());
        });
    drafts.sort(null);
    warnings.sort(null);
    return new Result(
        QuestionBank.of(questions), List.copyOf(problems), List.copyOf(drafts), warnings);
  }

  /**
   * The questions of all files in order, each id once: a later definition of an id is reported with
   * the place of the first. Adds every file's problems to {@code problems}.
   */
  private static List<Question> assemble(
      List<PackQuestions> readers, List<List<Question>> read, List<Problem> problems) {
    Map<String, Problem> firstSeen = new HashMap<>();
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < readers.size(); i++) {
      PackQuestions reader = readers.get(i);
      problems.addAll(reader.problems());
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
    return questions;
  }
}
