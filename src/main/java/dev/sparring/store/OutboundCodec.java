package dev.sparring.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.chat.Outbound;

/**
 * Turns outbound messages into JSON for the outbox table and back. The type tags are part of the
 * stored format: rename a record and its tag stays.
 */
public final class OutboundCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .addMixIn(Outbound.class, OutboundTags.class)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private OutboundCodec() {}

  public static String encode(Outbound message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode outbound message", e);
    }
  }

  public static Outbound decode(String json) {
    try {
      return MAPPER.readValue(json, Outbound.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot decode outbound message: " + e.getOriginalMessage(), e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Outbound.Post.class, name = "post"),
    @JsonSubTypes.Type(value = Outbound.ReplyInThread.class, name = "reply"),
    @JsonSubTypes.Type(value = Outbound.Update.class, name = "update"),
    @JsonSubTypes.Type(value = Outbound.Ephemeral.class, name = "ephemeral")
  })
  private interface OutboundTags {}
}
