package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.picture.Samples;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pictures on Slack over real HTTP against the stand-in: the external upload flow in order with the
 * bytes intact, in the thread for a reply; a retry after a failed share posts neither the text nor
 * the picture twice; a workspace that refuses files gets the picture's text instead.
 */
class SlackFilesTest {

  private static final ChannelRef C1 = new ChannelRef(SlackModule.PLATFORM, "C1");

  private SlackRig rig;
  private byte[] png;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.builder("files-secret").token("xoxb-files").build();
    png = Samples.podium();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private Message withPicture(String body) {
    return Message.of("Week 3 Cup is over", body)
        .withAttachments(
            List.of(Message.Attachment.png("podium.png", png, "Podium: 1. Amara 180 points")));
  }

  private void enqueue(Outbound message) {
    rig.store.transact(tx -> tx.outbox().enqueue(message, rig.clock.instant()));
  }

  private long dead() {
    return rig.store.transact(tx -> tx.outbox().deadCount());
  }

  /** The methods called, in order, leaving out the ones only the rig's start-up makes. */
  private List<String> methods() {
    return rig.api.calls().stream()
        .map(SlackApiStandIn.Call::method)
        .filter(m -> !m.equals("auth.test"))
        .toList();
  }

  @Test
  void aPostUploadsItsPictureThroughTheExternalFlowAndSharesItInTheChannel() throws Exception {
    enqueue(new Outbound.Post(C1, withPicture("1. Amara 180"), null));
    rig.deliver();

    assertThat(methods())
        .containsExactly(
            "files.getUploadURLExternal",
            "upload",
            "chat.postMessage",
            "files.completeUploadExternal");
    SlackApiStandIn.Call announce = rig.api.calls("files.getUploadURLExternal").get(0);
    assertThat(announce.get("length")).isEqualTo(Integer.toString(png.length));
    assertThat(announce.get("filename")).matches("podium-\\d+\\.png");
    assertThat(announce.get("alt_txt")).isEqualTo("Podium: 1. Amara 180 points");

    SlackApiStandIn.File file = rig.api.files().get(0);
    assertThat(file.data()).isEqualTo(png);
    var image = ImageIO.read(new ByteArrayInputStream(file.data()));
    assertThat(image.getWidth()).isEqualTo(800);

    SlackApiStandIn.Share share = rig.api.shares().get(0);
    assertThat(share.channel()).isEqualTo("C1");
    assertThat(share.threadTs()).isNull();
    assertThat(share.fileIds()).containsExactly(file.id());
    assertThat(share.titles()).containsExactly("Week 3 Cup is over");
    // The text still goes out as a message of its own, found again by its marker.
    assertThat(rig.posts()).hasSize(1);
    assertThat(rig.posts().get(0).get("text")).contains("Amara 180");
  }

  @Test
  void aReplySharesItsPictureInTheThread() throws Exception {
    rig.store.transact(
        tx -> {
          tx.threads().open("a1", C1.key(), "test", rig.clock.instant());
          return tx.outbox()
              .enqueue(
                  new Outbound.Post(C1, Message.of("Question", "Answer in the thread"), "a1"),
                  rig.clock.instant());
        });
    rig.deliver();
    String parent = rig.posts().get(0).ts();
    enqueue(new Outbound.ReplyInThread(C1, "a1", withPicture("your chart")));
    rig.deliver();

    assertThat(rig.posts()).hasSize(2);
    assertThat(rig.posts().get(1).get("thread_ts")).isEqualTo(parent);
    SlackApiStandIn.Share share = rig.api.shares().get(0);
    assertThat(share.threadTs()).isEqualTo(parent);
    assertThat(rig.api.files().get(0).data()).isEqualTo(png);
  }

  @Test
  void aRetryAfterAShareWhoseAnswerWasLostPostsNothingTwice() throws Exception {
    // Slack shares the file, then the answer is a 500: the sender cannot know it worked.
    rig.api.failAfterDoing("files.completeUploadExternal", 1);
    enqueue(new Outbound.Post(C1, withPicture("1. Amara 180"), null));
    rig.deliver();

    assertThat(rig.api.calls("files.completeUploadExternal")).hasSize(1);
    assertThat(rig.api.shares()).hasSize(1);
    assertThat(rig.posts()).hasSize(1);
    assertThat(rig.api.calls("files.getUploadURLExternal")).hasSize(1);
    assertThat(dead()).isZero();
  }

  @Test
  void aShareThatFailedIsRetriedWithTheSameFileAndTheTextIsNotPostedAgain() throws Exception {
    rig.api.breakMethod("files.completeUploadExternal", 500);
    enqueue(new Outbound.Post(C1, withPicture("1. Amara 180"), null));
    rig.dispatcher.drain();
    assertThat(rig.api.shares()).isEmpty();
    assertThat(rig.posts()).hasSize(1);

    rig.api.mend("files.completeUploadExternal");
    rig.clock.advance(Duration.ofMinutes(5));
    rig.deliver();

    assertThat(rig.api.shares()).hasSize(1);
    assertThat(rig.posts()).as("the text, once").hasSize(1);
    assertThat(rig.api.calls("files.getUploadURLExternal")).as("uploaded once").hasSize(1);
    assertThat(rig.api.calls("upload")).hasSize(1);
  }

  @Test
  void withoutTheFilesScopeThePictureGoesOutAsItsTextAndIsNotTriedForEveryMessage()
      throws Exception {
    rig.api.refuse("files.getUploadURLExternal", "missing_scope");
    enqueue(new Outbound.Post(C1, withPicture("1. Amara 180"), null));
    enqueue(new Outbound.Post(C1, withPicture("again"), null));
    rig.deliver();

    assertThat(rig.posts()).hasSize(2);
    assertThat(rig.posts().get(0).get("text") + rig.posts().get(0).get("blocks"))
        .contains("Podium: 1. Amara 180 points");
    assertThat(rig.api.calls("upload")).isEmpty();
    assertThat(rig.api.calls("files.completeUploadExternal")).isEmpty();
    assertThat(rig.api.calls("files.getUploadURLExternal")).as("asked once").hasSize(1);
    assertThat(dead()).isZero();
  }

  @Test
  void anUploadRefusedAsTooLargeLeavesTheMessageWithThePicturesText() throws Exception {
    rig.api.uploadStatus(413);
    enqueue(new Outbound.Post(C1, withPicture("1. Amara 180"), null));
    rig.deliver();

    assertThat(rig.posts()).hasSize(1);
    assertThat(rig.posts().get(0).get("blocks")).contains("Podium: 1. Amara 180 points");
    assertThat(rig.api.shares()).isEmpty();
  }
}
