/**
 * Operator commands: {@code sparring store}, {@code outbox}, {@code erase}, {@code import} and
 * {@code grade}, registered by {@link dev.sparring.app.Main}.
 */
package dev.sparring.ops;
