/**
 * Feedback people can learn from: the short verdict after each answer, whole key points within the
 * platforms' limits, model answers, hints that reveal more with each press, and disputes of a grade
 * ({@code /spar disputes}, {@code sparring packs report}).
 */
package dev.sparring.feedback;
