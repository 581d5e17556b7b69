package dev.sparring.chat;

import java.util.Locale;

/** The chat platforms Sparring speaks to; the prefix namespaces every ref. */
public enum Platform {
  SLACK,
  DISCORD,
  CONSOLE;

  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Platform fromPrefix(String prefix) {
    for (Platform p : values()) {
      if (p.prefix().equals(prefix)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown platform '" + prefix + "'");
  }
}
