/**
 * The application shell: {@link dev.sparring.app.Main} (picocli subcommands) and {@link
 * dev.sparring.app.Sparring}, the one place where config, store, bank, features and adapters are
 * wired together.
 */
package dev.sparring.app;
