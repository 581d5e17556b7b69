/**
 * FSRS-6 spaced repetition (the Free Spaced Repetition Scheduler of open-spaced-repetition), on
 * nothing but {@code java.*}: the memory model with its 21 published default parameters ({@link
 * dev.sparring.fsrs.Memory}), the scheduler with learning and relearning steps, desired retention,
 * maximum interval and deterministic interval fuzz ({@link dev.sparring.fsrs.Fsrs}), as the
 * reference TypeScript implementation ts-fsrs 5.4.2 computes them (replayed in {@code
 * FsrsReferenceTest}).
 */
package dev.sparring.fsrs;
