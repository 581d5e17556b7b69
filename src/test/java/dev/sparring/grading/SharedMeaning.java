package dev.sparring.grading;

import java.time.Duration;

/** One meaning model for the grading tests of a JVM: loading it takes a few seconds. */
final class SharedMeaning {

  private SharedMeaning() {}

  private static final class Holder {
    static final MiniLmMeaning MODEL = load();

    private static MiniLmMeaning load() {
      try {
        return MiniLmMeaning.loadInBackground().await(Duration.ofMinutes(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Bank {
    static final Falsehoods FALSEHOODS = load();

    private static Falsehoods load() {
      return Falsehoods.of(
          new dev.sparring.bank.PackLoader()
              .load(java.util.List.of(java.nio.file.Path.of("prompts")))
              .bank());
    }
  }

  /** The shipped grader: terms and meaning, and the shipped bank's sweeping misconceptions. */
  static RubricGrader grader() {
    return new RubricGrader(Holder.MODEL, Bank.FALSEHOODS);
  }
}
