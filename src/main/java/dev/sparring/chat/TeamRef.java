package dev.sparring.chat;

/**
 * A team on one platform. The platform-native id is opaque; {@link #key()} namespaces it
 * ("slack:T024BE7LD") so ids from different platforms can never collide in the store.
 */
public record TeamRef(Platform platform, String id) {
  public TeamRef {
    java.util.Objects.requireNonNull(platform, "platform");
    Refs.check(id, "team id");
  }

  public String key() {
    return platform.prefix() + ":" + id;
  }

  public static TeamRef parse(String key) {
    String[] parts = Refs.split(key);
    return new TeamRef(Platform.fromPrefix(parts[0]), parts[1]);
  }

  @Override
  public String toString() {
    return key();
  }
}
