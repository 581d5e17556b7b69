/**
 * The platform-neutral heart of Sparring: {@link dev.sparring.core.Bot#handle} is the single entry
 * point for everything that happens on a platform ({@link dev.sparring.core.Inbound}), and
 * everything the bot says goes out as {@link dev.sparring.chat.Outbound} records through the
 * transactional outbox. Nothing here knows about Slack, Discord, JDBC or servlets.
 */
package dev.sparring.core;
