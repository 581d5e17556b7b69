package dev.sparring.chat;

import java.security.SecureRandom;

/**
 * Random ids for things people refer to in buttons and commands (interviews, drills,
 * confirmations): a prefix and letters and digits that cannot be mistaken for one another (no
 * {@code l}, {@code o}, {@code 0}, {@code 1}), drawn from a secure random source so they cannot be
 * guessed.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private Ids() {}

  /** {@code prefix} followed by {@code length} random characters, e.g. {@code iv-3kq8…}. */
  public static String random(String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
