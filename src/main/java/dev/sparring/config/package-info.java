/**
 * Configuration: {@code config/sparring.yaml} (every key with its default and a comment) merged
 * with an optional user file, {@code ${ENV_VAR}} interpolated, validated once with messages that
 * name the key at fault, and printable with secrets masked.
 */
package dev.sparring.config;
