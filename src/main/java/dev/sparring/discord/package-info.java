/**
 * The Discord adapter (in progress): rendering of the core's messages as embeds and buttons within
 * Discord's limits. The JDA listener, gateway and slash commands come next.
 */
package dev.sparring.discord;
