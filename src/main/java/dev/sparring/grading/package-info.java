/**
 * The rubric grader: a free-text answer against a step's key points gives a 0–100 score, the key
 * points covered and missed, and one line of feedback. Deterministic and offline: words are
 * normalised and stemmed, terms match as phrases with small typos forgiven, negated mentions do not
 * count, and a bare list of buzzwords earns less than an explanation.
 */
package dev.sparring.grading;
