package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox's stored format: rows written before direct messages existed read as they did, a
 * direct message stores its team, person and message (never its derived channel), and an unknown
 * kind is refused with a clear error rather than read as something else.
 */
class OutboundCodecTest {

  private static final Platform SLACK = Platform.of("slack");
  private static final ChannelRef C1 = new ChannelRef(SLACK, "C1");
  private static final UserRef U1 = new UserRef(SLACK, "U1");
  private static final TeamRef T1 = new TeamRef(SLACK, "T1");

  /** Rows as the outbox held them before the {@code direct} kind, byte for byte. */
  @Test
  void rowsWrittenBeforeDirectMessagesReadAsTheyDid() {
    Message rich =
        new Message(
            "T",
            "B",
            List.of(new Message.Field("n", "v", true)),
            List.of(new Message.Button("x.y", "L", "v", Message.Button.Style.PRIMARY)));
    assertThat(
            OutboundCodec.decode(
                "{\"type\":\"post\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
                    + "\"message\":{\"title\":\"T\",\"body\":\"B\",\"fields\":[{\"name\":\"n\","
                    + "\"value\":\"v\",\"inline\":true}],\"buttons\":[{\"action\":\"x.y\","
                    + "\"label\":\"L\",\"value\":\"v\",\"style\":\"PRIMARY\"}]},\"anchor\":\"a1\"}"))
        .isEqualTo(new Outbound.Post(C1, rich, "a1"));
    assertThat(
            OutboundCodec.decode(
                "{\"type\":\"reply\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
                    + "\"anchor\":\"a1\",\"message\":{\"title\":\"\",\"body\":\"r\",\"fields\":[],"
                    + "\"buttons\":[]}}"))
        .isEqualTo(new Outbound.ReplyInThread(C1, "a1", Message.text("r")));
    assertThat(
            OutboundCodec.decode(
                "{\"type\":\"update\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
                    + "\"anchor\":\"a1\",\"message\":{\"title\":\"\",\"body\":\"u\",\"fields\":[],"
                    + "\"buttons\":[]}}"))
        .isEqualTo(new Outbound.Update(C1, "a1", Message.text("u")));
    // An ephemeral from before kinds existed is a plain reply.
    assertThat(
            OutboundCodec.decode(
                "{\"type\":\"ephemeral\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
                    + "\"user\":{\"platform\":\"SLACK\",\"id\":\"U1\"},\"message\":{\"title\":\"\","
                    + "\"body\":\"e\",\"fields\":[],\"buttons\":[]}}"))
        .isEqualTo(new Outbound.Ephemeral(C1, U1, Message.text("e")));
  }

  @Test
  void theOldKindsAreWrittenAsBefore() {
    assertThat(OutboundCodec.encode(new Outbound.ReplyInThread(C1, "a1", Message.text("r"))))
        .isEqualTo(
            "{\"type\":\"reply\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
                + "\"anchor\":\"a1\",\"message\":{\"title\":\"\",\"body\":\"r\",\"fields\":[],"
                + "\"buttons\":[]}}");
  }

  @Test
  void aDirectMessageStoresItsTeamPersonAndMessageButNotItsAddress() {
    Outbound.Direct dm = new Outbound.Direct(T1, U1, Message.of("Worth doing today", "- drill"));
    String json = OutboundCodec.encode(dm);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"direct\",\"team\":{\"platform\":\"SLACK\",\"id\":\"T1\"},"
                + "\"user\":{\"platform\":\"SLACK\",\"id\":\"U1\"},\"message\":{\"title\":"
                + "\"Worth doing today\",\"body\":\"- drill\",\"fields\":[],\"buttons\":[]}}");
    Outbound back = OutboundCodec.decode(json);
    assertThat(back).isEqualTo(dm);
    // The outbox orders and routes it by the person's address, which is derived.
    assertThat(back.channel().key()).isEqualTo("slack:@U1");
    assertThat(Outbound.Direct.isAddress(back.channel())).isTrue();
    assertThat(Outbound.Direct.isAddress(C1)).isFalse();
  }

  @Test
  void aStoredChannelOnADirectMessageIsIgnoredNotTrusted() {
    Outbound back =
        OutboundCodec.decode(
            "{\"type\":\"direct\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C-elsewhere\"},"
                + "\"team\":{\"platform\":\"SLACK\",\"id\":\"T1\"},\"user\":{\"platform\":"
                + "\"SLACK\",\"id\":\"U1\"},\"message\":{\"title\":\"\",\"body\":\"x\"}}");
    assertThat(back.channel().key()).isEqualTo("slack:@U1");
  }

  @Test
  void anUnknownKindIsAClearErrorAndADirectMessageStaysOnItsTeamsPlatform() {
    assertThatThrownBy(() -> OutboundCodec.decode("{\"type\":\"carrier-pigeon\"}"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot decode outbound message");
    assertThatThrownBy(
            () ->
                new Outbound.Direct(
                    new TeamRef(Platform.of("discord"), "G1"), U1, Message.text("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
