package dev.sparring.chat;

import java.util.Objects;

/** Parsing helpers shared by the ref records. */
final class Refs {
  private Refs() {}

  static String check(String id, String what) {
    Objects.requireNonNull(id, what);
    if (id.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return id;
  }

  static String[] split(String key) {
    int colon = key.indexOf(':');
    if (colon <= 0 || colon == key.length() - 1) {
      throw new IllegalArgumentException("not a ref key: '" + key + "'");
    }
    return new String[] {key.substring(0, colon), key.substring(colon + 1)};
  }
}
