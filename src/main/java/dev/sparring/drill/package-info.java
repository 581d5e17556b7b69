/**
 * Drills: one question at a time for one person, due reviews first and then new questions, with the
 * next review scheduled by FSRS-6 from an Again/Hard/Good/Easy self-rating that the grade suggests;
 * {@code drill weak} serves the key points missed in any mode, and an interview-date goal ({@code
 * /spar goal}) plans reviews and new questions up to the day.
 */
package dev.sparring.drill;
