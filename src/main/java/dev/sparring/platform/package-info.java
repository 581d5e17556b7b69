/**
 * The platform seam: {@link dev.sparring.platform.PlatformModule} is what a chat platform (Slack,
 * Discord, the console, Microsoft Teams next) implements to join the bot. The core above it never
 * asks which platform it is talking to.
 */
package dev.sparring.platform;
