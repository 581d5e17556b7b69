/**
 * The console adapter: a local channel with threads in the terminal, so Sparring can be tried
 * without any platform account. Lines starting with {@code /spar} are commands; other lines are
 * replies in the acting user's active thread. Its state lives in the store, so it survives a
 * restart.
 */
package dev.sparring.console;
