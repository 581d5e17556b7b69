package dev.sparring.bank;

import java.util.List;
import java.util.Objects;

/** A follow-up question, asked after the previous step has been answered. */
public record FollowUp(String prompt, List<KeyPoint> keyPoints, List<String> sources) {
  public FollowUp {
    Objects.requireNonNull(prompt, "prompt");
    keyPoints = List.copyOf(keyPoints == null ? List.of() : keyPoints);
    sources = List.copyOf(sources == null ? List.of() : sources);
  }
}
