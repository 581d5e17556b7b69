/**
 * The Discord adapter: a JDA listener turns {@code /spar} interactions, buttons, the Answer modal
 * and thread messages into {@link dev.sparring.core.Inbound} events; {@link
 * dev.sparring.discord.DiscordRender} renders embeds and buttons within Discord's limits; the
 * gateway posts through JDA, opening a thread from each question it posts. Shard ranges let one bot
 * run across processes that share a PostgreSQL store.
 */
package dev.sparring.discord;
