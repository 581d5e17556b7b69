package dev.sparring.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns outbound messages into JSON for the outbox table and back. The type tags are part of the
 * stored format: rename a record and its tag stays. A kind added later gets a new tag and leaves
 * the others' JSON as it was, so rows written before it read alike ({@code direct}, a private
 * message, came after {@code post}, {@code reply}, {@code update} and {@code ephemeral}). A {@code
 * direct} row stores its team, person and message; its channel is derived, never stored.
 */
public final class OutboundCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .addMixIn(Outbound.class, OutboundTags.class)
          .addMixIn(dev.sparring.chat.Message.class, MessageFields.class)
          .addMixIn(Outbound.Direct.class, DirectFields.class)
          .registerModule(platforms())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private OutboundCodec() {}

  /**
   * A platform is stored as its id in capitals ({@code "SLACK"}), as when platforms were an enum,
   * so rows written by an older replica and by this one read alike.
   */
  private static SimpleModule platforms() {
    SimpleModule module = new SimpleModule("platforms");
    module.addSerializer(
        Platform.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Platform p, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(p.prefix().toUpperCase(Locale.ROOT));
          }
        });
    module.addDeserializer(
        Platform.class,
        new JsonDeserializer<>() {
          @Override
          public Platform deserialize(JsonParser parser, DeserializationContext ctx)
              throws IOException {
            try {
              return Platform.of(parser.getValueAsString("").toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw ctx.weirdStringException(
                  parser.getValueAsString(), Platform.class, e.getMessage());
            }
          }
        });
    return module;
  }

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

  /** A message without files is written exactly as before files existed. */
  private abstract static class MessageFields {
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    abstract java.util.List<dev.sparring.chat.Message.Attachment> attachments();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Outbound.Post.class, name = "post"),
    @JsonSubTypes.Type(value = Outbound.ReplyInThread.class, name = "reply"),
    @JsonSubTypes.Type(value = Outbound.Update.class, name = "update"),
    @JsonSubTypes.Type(value = Outbound.Ephemeral.class, name = "ephemeral"),
    @JsonSubTypes.Type(value = Outbound.Direct.class, name = "direct")
  })
  private interface OutboundTags {}

  /** A direct message's channel is its person's address, derived from the person: not stored. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "channel", ignoreUnknown = true)
  private interface DirectFields {}
}
