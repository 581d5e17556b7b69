package dev.sparring.cli;

import dev.sparring.app.Startup;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Problem;
import dev.sparring.bank.Sourcing;
import dev.sparring.grading.RubricCheck;
import dev.sparring.grading.RubricGrader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparring validate}: checks question packs and prints {@code FILE:LINE:COL: message} per
 * problem; exits 1 when there is one. TODO placeholders of an import skeleton are problems unless
 * {@code --allow-drafts}; a figure without a reference is a warning; {@code --stale 12m} lists the
 * references checked longer ago than that.
 */
@Command(
    name = "validate",
    description = "Check question packs; prints FILE:LINE:COL: message per problem.")
final class ValidateCommand implements Callable<Integer> {

  private static final Pattern AGE = Pattern.compile("(\\d{1,4})([dwmy])");

  @Parameters(paramLabel = "DIR", description = "Pack folders (default: prompts).")
  List<Path> dirs;

  @Option(
      names = "--seeds",
      paramLabel = "INDEX",
      description = "A seed index.tsv whose ids packs may cite in sources.")
  Path seeds;

  @Option(
      names = "--allow-drafts",
      description = "Report TODO placeholders of `sparring import` as warnings, not problems.")
  boolean allowDrafts;

  @Option(
      names = "--stale",
      paramLabel = "AGE",
      description = "Also list key points whose reference was checked longer ago, e.g. 12m, 90d.")
  String stale;

  @Option(names = "--quiet", description = "Leave out warnings.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Today, for --stale (tests set it). */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws IOException {
    Startup.quietLogs();
    Period age = stale == null ? null : age(stale);
    List<Path> roots = dirs == null || dirs.isEmpty() ? List.of(Path.of("prompts")) : dirs;
    PackLoader loader = new PackLoader(knownSources());
    PackLoader.Result result = (allowDrafts ? loader.keepingDrafts() : loader).load(roots);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    result.problems().forEach(out::println);
    if (!allowDrafts) {
      result.drafts().forEach(out::println);
    }
    List<RubricCheck.Finding> findings = new RubricCheck(new RubricGrader()).check(result.bank());
    findings.forEach(out::println);
    if (!quiet) {
      result.warnings().forEach(w -> out.println(warning(w)));
      if (allowDrafts) {
        result.drafts().forEach(d -> out.println(warning(d)));
      }
    }
    if (age != null) {
      LocalDate today = LocalDate.now(clock);
      List<Sourcing.Stale> old = Sourcing.stale(result.bank(), age, today);
      for (Sourcing.Stale s : old) {
        out.println(
            "stale: "
                + s.question().id()
                + (s.step() == 0 ? "" : " follow-up " + s.step())
                + ": checked "
                + s.point().asOf()
                + " at "
                + s.point().ref()
                + ": \u201c"
                + s.point().point()
                + "\u201d");
      }
      out.println(old.size() + " key point(s) checked before " + today.minus(age) + ".");
    }
    int problems = result.problems().size() + findings.size();
    problems += allowDrafts ? 0 : result.drafts().size();
    if (problems > 0) {
      System.err.println(problems + " problem(s) found.");
      return 1;
    }
    out.println(
        "OK: "
            + result.bank().size()
            + " questions in "
            + result.bank().packs().size()
            + " pack(s)"
            + (result.warnings().isEmpty()
                ? "."
                : ", " + result.warnings().size() + " warning(s)."));
    return 0;
  }

  private static String warning(Problem p) {
    return p.file() + ":" + p.line() + ":" + p.column() + ": warning: " + p.message();
  }

  private Set<String> knownSources() throws IOException {
    Set<String> known = new HashSet<>();
    if (seeds != null) {
      for (String line : Files.readAllLines(seeds, StandardCharsets.UTF_8)) {
        String id = line.split("\t", 2)[0].strip();
        if (!id.isEmpty() && !id.equals("id")) {
          known.add(id);
        }
      }
    }
    return known;
  }

  private Period age(String text) {
    Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--stale '" + text + "': give an age like 12m (months), 90d, 8w or 1y");
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "d" -> Period.ofDays(n);
      case "w" -> Period.ofWeeks(n);
      case "m" -> Period.ofMonths(n);
      default -> Period.ofYears(n);
    };
  }
}
