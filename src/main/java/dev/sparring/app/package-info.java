/**
 * The wiring: {@link dev.sparring.app.Sparring} is the one place where config, store, bank,
 * features and platforms are put together; {@link dev.sparring.app.Startup} holds the options of
 * every command that starts the bot. Metrics, the HTTP server and log scrubbing live here too.
 */
package dev.sparring.app;
