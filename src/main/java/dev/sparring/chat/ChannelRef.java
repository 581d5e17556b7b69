package dev.sparring.chat;

/**
 * A channel on one platform. The platform-native id is opaque; {@link #key()} namespaces it
 * ("slack:T024BE7LD") so ids from different platforms can never collide in the store.
 */
public record ChannelRef(Platform platform, String id) {
  public ChannelRef {
    java.util.Objects.requireNonNull(platform, "platform");
    Refs.check(id, "channel id");
  }

  public String key() {
    return platform.prefix() + ":" + id;
  }

  public static ChannelRef parse(String key) {
    String[] parts = Refs.split(key);
    return new ChannelRef(Platform.fromPrefix(parts[0]), parts[1]);
  }

  @Override
  public String toString() {
    return key();
  }
}
