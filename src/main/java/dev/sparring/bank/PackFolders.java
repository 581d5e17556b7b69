package dev.sparring.bank;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds packs on disk: the pack folders of a root (the root itself when it holds YAML files), the
 * YAML files of a pack folder, and the source ids of a pack's {@link PackLoader#SOURCES_FILE}.
 */
final class PackFolders {

  private PackFolders() {}

  /** The root itself when it holds YAML files, else its sub-folders that do, sorted. */
  static List<Path> of(Path root) {
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

  /** The {@code *.yaml} and {@code *.yml} files of a folder, sorted. */
  static List<Path> yamlFiles(Path folder) {
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

  /** The ids in the first column of a sources file (not comments, not the "id" header). */
  static Set<String> sourceIds(Path file, List<Problem> problems) {
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
}
