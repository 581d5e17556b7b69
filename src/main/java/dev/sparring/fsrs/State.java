package dev.sparring.fsrs;

/** Where a card is in its life: never reviewed, in its (re)learning steps, or in review. */
public enum State {
  NEW,
  LEARNING,
  REVIEW,
  RELEARNING
}
