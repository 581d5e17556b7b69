package dev.sparring.grading.judge;

/** What became of one judge call (the {@code outcome} tag of {@code sparring_judge_calls}). */
enum Outcome {
  /** A verdict arrived and was cached. */
  OK("ok"),
  /** The reply was not the strict JSON asked for. */
  UNUSABLE("unusable"),
  /** No reply within the timeout. */
  TIMEOUT("timeout"),
  /** HTTP 429: the judge pauses until the server's Retry-After. */
  RATE_LIMITED("rate_limited"),
  /** Any other status but 2xx. */
  HTTP_ERROR("http_error"),
  /** Connection refused, reset, unknown host. */
  UNREACHABLE("unreachable"),
  /** Every worker busy and the queue full: not asked. */
  SKIPPED("skipped"),
  /** Not asked: paused after a 429 or with the circuit open. */
  PAUSED("paused");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Whether this outcome counts towards opening the circuit. */
  boolean failure() {
    return this == UNUSABLE
        || this == TIMEOUT
        || this == RATE_LIMITED
        || this == HTTP_ERROR
        || this == UNREACHABLE;
  }
}
