/**
 * Operator commands: {@code sparring store}, {@code outbox}, {@code erase}, {@code export}, {@code
 * import} and {@code grade}, registered by {@link dev.sparring.cli.Main}.
 */
package dev.sparring.ops;
