package dev.sparring.store.memory;

import dev.sparring.store.Answer;
import dev.sparring.store.Answers;
import java.util.List;
import java.util.TreeMap;

/** {@link Answers} of a {@link MemoryStore}. */
final class MemoryAnswers implements Answers {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryAnswers(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public boolean add(Answer answer) {
    tx.check();
    TreeMap<Integer, Answer> steps = data.answers.get(answer.conversationId());
    if (steps != null && steps.containsKey(answer.step())) {
      return false;
    }
    TreeMap<Integer, Answer> next = steps == null ? new TreeMap<>() : new TreeMap<>(steps);
    next.put(answer.step(), answer);
    tx.put(data.answers, answer.conversationId(), next);
    return true;
  }

  @Override
  public List<Answer> of(String conversationId) {
    tx.check();
    TreeMap<Integer, Answer> steps = data.answers.get(conversationId);
    return steps == null ? List.of() : List.copyOf(steps.values());
  }
}
