/**
 * Question packs: the model ({@link dev.sparring.bank.Question} with ordered follow-ups and key
 * points), the YAML loader that reports every problem as {@code FILE:LINE:COL: message}, and the
 * immutable {@link dev.sparring.bank.QuestionBank} the features read from.
 */
package dev.sparring.bank;
