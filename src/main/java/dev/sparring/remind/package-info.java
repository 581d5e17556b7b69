/**
 * Reminders: {@code /spar remind on HH:MM [ZONE]} sends a person one direct message a local day, at
 * their time, saying what is worth doing today (drill cards due, the open daily question they have
 * not answered), and nothing on days with nothing to do or while they are away. Each nudge is
 * claimed in the store ({@code remind.sent/TEAM#USER#DATE}) in the transaction that queues it, so
 * restarts and replicas never send a day's nudge twice; the settings are a due index read by range,
 * so a tick costs what is due, not one read per person.
 */
package dev.sparring.remind;
