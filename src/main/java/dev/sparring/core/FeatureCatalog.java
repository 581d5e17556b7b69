package dev.sparring.core;

import dev.sparring.chat.Texts;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features and what each one owns: commands by name, threads by kind, buttons by action prefix.
 * A command or thread kind claimed twice (or a feature claiming {@code help}) is refused.
 */
final class FeatureCatalog {

  private final List<Feature> features;
  private final Map<String, Feature> byCommand = new LinkedHashMap<>();
  private final Map<String, Feature> byThreadKind = new HashMap<>();

  FeatureCatalog(List<Feature> features) {
    this.features = List.copyOf(features);
    for (Feature f : this.features) {
      for (String name : f.commands()) {
        if (byCommand.putIfAbsent(name, f) != null || name.equals("help")) {
          throw new IllegalArgumentException("command '" + name + "' registered twice");
        }
      }
      for (String kind : f.threadKinds()) {
        if (byThreadKind.putIfAbsent(kind, f) != null) {
          throw new IllegalArgumentException("thread kind '" + kind + "' registered twice");
        }
      }
    }
  }

  /** Every feature, in the order given. */
  List<Feature> all() {
    return features;
  }

  /** The feature answering command {@code name}; null when none does. */
  Feature forCommand(String name) {
    return byCommand.get(name);
  }

  /** The feature owning threads of {@code kind}; null when none does. */
  Feature forThreadKind(String kind) {
    return byThreadKind.get(kind);
  }

  /** The first feature whose button prefix starts {@code action}. */
  Optional<Feature> forAction(String action) {
    return features.stream()
        .filter(f -> f.buttonPrefix() != null && action.startsWith(f.buttonPrefix()))
        .findFirst();
  }

  /** The command closest to {@code name} (a typo's likely meaning); null when none is close. */
  String closest(String name) {
    return Texts.closest(name, byCommand.keySet());
  }
}
