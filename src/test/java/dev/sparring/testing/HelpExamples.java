package dev.sparring.testing;

import dev.sparring.core.Feature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every command line the help lists, made concrete, so tests cover a new command the day it lands.
 */
public final class HelpExamples {
  private HelpExamples() {}

  /** The help's usages, optional parts dropped and then included, placeholders filled in. */
  public static List<String> of(List<Feature> features, boolean adminOnly) {
    Set<String> out = new LinkedHashSet<>();
    for (Feature f : features) {
      for (Feature.Help help : f.help()) {
        if (help.adminOnly() != adminOnly) {
          continue;
        }
        String word = help.usage().split(" ")[0];
        for (String alternative : help.usage().split(" \\| (?![^\\[]*\\])")) {
          if (!alternative.startsWith(word)) {
            alternative = word + " " + alternative;
          }
          out.add(concrete(alternative.replaceAll("\\[[^\\]]*\\]", "")));
          out.add(concrete(alternative.replaceAll("[\\[\\]]", "").replaceAll("\\|\\S*", "")));
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static String concrete(String usage) {
    return usage
        .replace("HH:MM", "09:00")
        .replace("ZONE", "UTC")
        .replace("YYYY-MM-DD", "2026-03-20")
        .replace("DURATION", "2d")
        .replace("CADENCE", "1d")
        .replace("balanced N", "balanced 3")
        .replace("NAME", "AlphaCup")
        .replace("GROUP", "crimson-squad")
        .replace("ID", "1")
        .replace("question-id", "demo-senior")
        .replace("@user", "<@UZED>")
        .replace("days", "daily")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
