/**
 * Drills: one question at a time for one person, due reviews first and then new questions, with the
 * next review scheduled by SM-2 from an Again/Hard/Good/Easy self-rating that the grade suggests.
 */
package dev.sparring.drill;
