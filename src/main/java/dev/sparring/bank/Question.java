package dev.sparring.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An interview question with its key points and ordered follow-ups. Immutable. */
public record Question(
    String id,
    String pack,
    Level level,
    List<String> topics,
    String prompt,
    String hint,
    List<String> sources,
    List<KeyPoint> keyPoints,
    List<FollowUp> followUps) {

  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pack, "pack");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(prompt, "prompt");
    hint = hint == null ? "" : hint;
    topics = List.copyOf(topics == null ? List.of() : topics);
    sources = List.copyOf(sources == null ? List.of() : sources);
    keyPoints = List.copyOf(keyPoints == null ? List.of() : keyPoints);
    followUps = List.copyOf(followUps == null ? List.of() : followUps);
  }

  /** The question itself plus its follow-ups. */
  public int stepCount() {
    return 1 + followUps.size();
  }

  public Step step(int index) {
    if (index == 0) {
      return new Step(0, prompt, keyPoints);
    }
    FollowUp f = followUps.get(index - 1);
    return new Step(index, f.prompt(), f.keyPoints());
  }

  public List<Step> steps() {
    List<Step> steps = new ArrayList<>(stepCount());
    for (int i = 0; i < stepCount(); i++) {
      steps.add(step(i));
    }
    return steps;
  }
}
