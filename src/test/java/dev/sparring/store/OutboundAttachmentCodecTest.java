package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored outbox format: rows written before a field existed still read, files round-trip. */
class OutboundAttachmentCodecTest {

  private static final ChannelRef C = new ChannelRef(Platform.of("slack"), "C1");

  @Test
  void aRowWrittenBeforeAttachmentsExistedStillReads() {
    String old =
        "{\"type\":\"post\",\"channel\":{\"platform\":\"SLACK\",\"id\":\"C1\"},"
            + "\"message\":{\"title\":\"T\",\"body\":\"B\",\"fields\":[],\"buttons\":[]},"
            + "\"anchor\":\"a1\"}";
    Outbound.Post p = (Outbound.Post) OutboundCodec.decode(old);
    assertThat(p.message().title()).isEqualTo("T");
    assertThat(p.message().attachments()).isEmpty();
    assertThat(p.anchor()).isEqualTo("a1");
  }

  @Test
  void attachmentsRoundTripByteForByte() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};
    Message m =
        Message.of("Board", "text")
            .withAttachments(List.of(Message.Attachment.png("board.png", png, "1. ana 40")));
    Outbound.Post back =
        (Outbound.Post) OutboundCodec.decode(OutboundCodec.encode(new Outbound.Post(C, m, null)));
    Message.Attachment a = back.message().attachments().get(0);
    assertThat(a.name()).isEqualTo("board.png");
    assertThat(a.mediaType()).isEqualTo("image/png");
    assertThat(a.data()).isEqualTo(png);
    assertThat(a.alt()).isEqualTo("1. ana 40");
  }
}
