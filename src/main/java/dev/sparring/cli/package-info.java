/**
 * The command line: {@link dev.sparring.cli.Main} and its picocli subcommands ({@code run}, {@code
 * console}, {@code packs}, {@code validate}, {@code config}), with the operations and benchmark
 * commands of {@code dev.sparring.ops} and {@code dev.sparring.bench} mounted under it.
 */
package dev.sparring.cli;
