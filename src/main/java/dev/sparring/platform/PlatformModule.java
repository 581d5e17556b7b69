package dev.sparring.platform;

import dev.sparring.chat.Platform;
import dev.sparring.core.Mentions;

/**
 * Everything one chat platform contributes to Sparring, behind one interface: its id, its mention
 * syntax, its settings and secrets, and how it starts (its inbound transport, its gateway, its
 * command registration). A platform is one package with one class implementing this, registered in
 * one line of {@code dev.sparring.app.Platforms}.
 */
public interface PlatformModule {

  /** Which platform this is; its id prefixes every ref and names its config section. */
  Platform platform();

  /** A user named in a command, in this platform's syntax. */
  Mentions.Syntax mentions();
}
