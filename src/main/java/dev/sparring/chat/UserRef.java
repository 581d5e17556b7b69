package dev.sparring.chat;

/**
 * A user on one platform. The platform-native id is opaque; {@link #key()} namespaces it
 * ("slack:T024BE7LD") so ids from different platforms can never collide in the store.
 */
public record UserRef(Platform platform, String id) {
  public UserRef {
    java.util.Objects.requireNonNull(platform, "platform");
    Refs.check(id, "user id");
  }

  public String key() {
    return platform.prefix() + ":" + id;
  }

  public static UserRef parse(String key) {
    String[] parts = Refs.split(key);
    return new UserRef(Platform.fromPrefix(parts[0]), parts[1]);
  }

  @Override
  public String toString() {
    return key();
  }
}
