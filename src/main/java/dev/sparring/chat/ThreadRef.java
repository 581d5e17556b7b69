package dev.sparring.chat;

/**
 * A thread on one platform. The platform-native id is opaque; {@link #key()} namespaces it
 * ("slack:T024BE7LD") so ids from different platforms can never collide in the store.
 */
public record ThreadRef(Platform platform, String id) {
  public ThreadRef {
    java.util.Objects.requireNonNull(platform, "platform");
    Refs.check(id, "thread id");
  }

  public String key() {
    return platform.prefix() + ":" + id;
  }

  public static ThreadRef parse(String key) {
    String[] parts = Refs.split(key);
    return new ThreadRef(Platform.fromPrefix(parts[0]), parts[1]);
  }

  @Override
  public String toString() {
    return key();
  }
}
