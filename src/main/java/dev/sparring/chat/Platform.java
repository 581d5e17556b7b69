package dev.sparring.chat;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A chat platform Sparring speaks to, named by a short lower-case id ({@code slack}, {@code
 * discord}) that namespaces every ref ({@code slack:T024BE7LD}). A value, not a closed list: each
 * platform's package declares its own, and the core never asks which one it is talking to.
 *
 * <p>Instances are interned, so one id is always the same object and {@code ==} agrees with {@link
 * #equals}.
 */
public final class Platform {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,19}");
  private static final ConcurrentMap<String, Platform> KNOWN = new ConcurrentHashMap<>();

  private final String id;

  private Platform(String id) {
    this.id = id;
  }

  /** The platform with this id: 2 to 20 lower-case letters and digits, a letter first. */
  public static Platform of(String id) {
    Objects.requireNonNull(id, "platform id");
    Platform known = KNOWN.get(id);
    if (known != null) {
      return known;
    }
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "not a platform id: '" + id + "' (2 to 20 lower-case letters and digits)");
    }
    return KNOWN.computeIfAbsent(id, Platform::new);
  }

  /** The id, which prefixes every ref key of this platform. */
  public String prefix() {
    return id;
  }

  /** The platform named by a ref key's prefix. */
  public static Platform fromPrefix(String prefix) {
    return of(prefix);
  }

  @Override
  public String toString() {
    return id;
  }
}
