package dev.sparring.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes draft questions as a pack file in the documented format, with TODO placeholders where
 * authors must write key points (so the skeleton validates before it is finished).
 */
public final class PackWriter {

  private PackWriter() {}

  public static String skeleton(List<PackImporter.Draft> drafts) {
    List<Object> questions = new ArrayList<>();
    for (PackImporter.Draft d : drafts) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("id", d.id());
      q.put("level", d.level().label());
      q.put("topics", new ArrayList<>(d.topics()));
      q.put("prompt", d.prompt());
      if (!d.hint().isEmpty()) {
        q.put("hint", d.hint());
      }
      q.put("sources", new ArrayList<>(d.sources()));
      q.put("keyPoints", placeholders(d.level().minKeyPoints()));
      List<Object> followUps = new ArrayList<>();
      List<String> prompts = new ArrayList<>(d.followUps());
      while (prompts.size() < d.level().minFollowUps()) {
        prompts.add("TODO: follow-up question " + (prompts.size() + 1));
      }
      for (String p : prompts) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("prompt", p);
        f.put("keyPoints", placeholders(2));
        followUps.add(f);
      }
      q.put("followUps", followUps);
      questions.add(q);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    options.setSplitLines(true);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("questions", questions);
    return "# Imported pack skeleton: replace every TODO key point with a short claim and its\n"
        + "# match terms (synonyms, abbreviations, misspellings), then run `sparring validate`.\n"
        + new Yaml(options).dump(root);
  }

  /** {@code questions} (maps in the pack format) as the text of a pack file. */
  public static String dump(List<Map<String, Object>> questions) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(100);
    options.setSplitLines(true);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("questions", new ArrayList<>(questions));
    return new Yaml(options).dump(root);
  }

  private static List<Object> placeholders(int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("point", "TODO: key point " + i + " of a strong answer");
      k.put("terms", List.of("todo term", "todo synonym", "todo abbreviation"));
      out.add(k);
    }
    return out;
  }
}
