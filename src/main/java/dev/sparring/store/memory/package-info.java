/**
 * The in-memory store: every table a map behind one lock, with an undo log so a failed unit of work
 * leaves nothing behind. Used by tests and as the benchmarks' floor; state is lost on exit.
 */
package dev.sparring.store.memory;
