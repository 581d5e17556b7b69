package dev.sparring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.FollowUp;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.ops.PacksReportCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparring packs}: the loaded questions, as a list or as JSON. */
@Command(
    name = "packs",
    description =
        "List the loaded questions; `packs report` shows which key points people dispute.",
    subcommands = {PacksReportCommand.class})
final class PacksCommand implements Callable<Integer> {
  @CommandLine.Mixin Startup startup = new Startup();

  @Option(names = "--json", description = "Print the whole bank as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Startup.quietLogs();
    QuestionBank bank = Sparring.loadBank(startup.loadConfig().bankPaths());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(toJson(bank)));
      return 0;
    }
    for (String pack : bank.packs()) {
      List<Question> qs = bank.select(pack, null, null);
      out.println(pack + " (" + qs.size() + " questions)");
      for (Question q : qs) {
        out.println(
            "  "
                + q.id()
                + "  "
                + q.level().label()
                + "  "
                + q.followUps().size()
                + " follow-ups  "
                + String.join(",", q.topics()));
      }
    }
    return 0;
  }

  static ObjectNode toJson(QuestionBank bank) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ArrayNode questions = root.putArray("questions");
    for (Question q : bank.questions()) {
      ObjectNode n = questions.addObject();
      n.put("id", q.id());
      n.put("pack", q.pack());
      n.put("level", q.level().label());
      n.putPOJO("topics", q.topics());
      n.put("prompt", q.prompt());
      sources(n, q.sources());
      keyPoints(n, q.keyPoints());
      ArrayNode fus = n.putArray("followUps");
      for (FollowUp f : q.followUps()) {
        ObjectNode fn = fus.addObject();
        fn.put("prompt", f.prompt());
        sources(fn, f.sources());
        keyPoints(fn, f.keyPoints());
      }
    }
    return root;
  }

  private static void sources(ObjectNode n, List<String> sources) {
    ArrayNode a = n.putArray("sources");
    sources.forEach(a::add);
  }

  private static void keyPoints(ObjectNode n, List<KeyPoint> points) {
    ArrayNode a = n.putArray("keyPoints");
    points.forEach(k -> a.add(k.point()));
  }
}
