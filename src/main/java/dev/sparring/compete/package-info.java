/**
 * Study-group competitions: {@code /spar compete} opens a competition that posts questions on a
 * cadence, scores the group's answers through the shared scoring service and closes with a podium.
 */
package dev.sparring.compete;
