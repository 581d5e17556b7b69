package dev.sparring.ops;

import dev.sparring.app.Startup;
import dev.sparring.bank.PackImporter;
import dev.sparring.bank.PackWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparring import FILE.csv|FILE.md [--out FILE]}: a pack skeleton that validates. */
@Command(
    name = "import",
    description = {
      "Turn a CSV file or a Markdown list of questions into a pack skeleton.",
      "CSV: header with prompt (required), id, level, topics, hint, followups, sources;"
          + " lists in a cell are separated by |.",
      "Markdown: '- question' lines, indented '- follow-up' lines under them; a '## Senior'"
          + " heading sets the level, any other heading the topic."
    })
public final class ImportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "A .csv or .md file.")
  Path file;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the YAML here (e.g. prompts/mypack/questions.yaml); default stdout.")
  Path out;

  @Override
  public Integer call() throws IOException {
    Startup.quietLogs();
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      System.err.println("sparring import: " + file + " is not a file");
      return 1;
    }
    if (Files.size(file) > 1024 * 1024) {
      System.err.println("sparring import: " + file + " is over 1 MiB");
      return 1;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    PackImporter importer = new PackImporter();
    PackImporter.Result result;
    if (name.endsWith(".csv")) {
      result = importer.csv(text);
    } else if (name.endsWith(".md") || name.endsWith(".markdown")) {
      result = importer.markdown(text);
    } else {
      System.err.println("sparring import: expected a .csv or .md file, got " + file);
      return 2;
    }
    result.problems().forEach(p -> System.err.println(file + ": " + p));
    if (result.drafts().isEmpty()) {
      return 1;
    }
    String yaml = PackWriter.skeleton(result.drafts());
    if (out == null) {
      new PrintStream(System.out, true, StandardCharsets.UTF_8).print(yaml);
    } else {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, yaml, StandardCharsets.UTF_8);
      System.err.println(
          "Wrote "
              + result.drafts().size()
              + " question(s) to "
              + out
              + ". Replace the TODO key points, then run `sparring validate "
              + (parent == null ? "." : parent.getParent() == null ? parent : parent.getParent())
              + "`.");
    }
    return result.problems().isEmpty() ? 0 : 1;
  }
}
