package dev.sparring.store;

import java.util.List;

/** Answers, one per conversation step. */
public interface Answers {

  /** Stores the answer; returns false (changing nothing) if that step already has one. */
  boolean add(Answer answer);

  /** The conversation's answers by step. */
  List<Answer> of(String conversationId);
}
