/**
 * Mock interviews in a thread: the question, then after each reply from the interviewee the next
 * follow-up, strictly in order and exactly once (a compare-and-set on the conversation's version),
 * then a graded summary. Idle interviews expire on the scheduler's tick.
 */
package dev.sparring.interview;
