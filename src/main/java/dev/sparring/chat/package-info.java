/**
 * The shared chat vocabulary, depending on nothing else in Sparring: platforms and the refs they
 * namespace (team, channel, thread, user), the messages the bot says ({@link
 * dev.sparring.chat.Message}, {@link dev.sparring.chat.Outbound}, {@link dev.sparring.chat.Form}),
 * inline text that renders safely on every platform, and small wording helpers.
 */
package dev.sparring.chat;
