package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Inbound;
import dev.sparring.testing.Scores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard card, the progress chart and the podium on Slack, from the slash command to the
 * stand-in: a private answer carries the text only (Slack's private answers take no files, so it
 * says how to share); a shared board or chart and a competition's end upload their picture.
 */
class SlackPicturesTest {

  private SlackRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.builder("pictures-secret").token("xoxb-pictures").build();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private void score(String user, String question, int grade, int points) {
    Scores.graded(
        rig.store,
        "slack:T1",
        "slack:C1",
        "slack:" + user,
        question,
        grade,
        points,
        rig.clock.instant());
  }

  private SlackApiStandIn.File uploaded(String prefix) {
    List<SlackApiStandIn.File> files =
        rig.api.files().stream().filter(f -> f.name().startsWith(prefix)).toList();
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  @Test
  void aPrivateBoardIsTextAndASharedOneUploadsTheCard() throws Exception {
    score("U1", "demo-senior", 80, 40);
    score("U2", "demo-basic", 60, 25);

    HttpResponse<String> mine = rig.command("T1", "U2", "leaderboard");
    assertThat(mine.body()).contains("ephemeral").contains("40 points").contains("(you)");
    rig.deliver();
    assertThat(rig.api.calls("files.getUploadURLExternal")).isEmpty();

    HttpResponse<String> shared = rig.command("T1", "U2", "leaderboard share");
    assertThat(shared.body()).contains("Posted the leaderboard");
    rig.deliver();
    SlackApiStandIn.File card = uploaded("leaderboard-");
    assertThat(decode(card.data()).getWidth()).isEqualTo(800);
    assertThat(card.alt()).contains("1. U1 40 pts, 2. u2 25 pts"); // U2 by the name Slack gave
    assertThat(rig.api.shares()).hasSize(1);
    assertThat(rig.api.shares().get(0).channel()).isEqualTo("C1");
    assertThat(rig.posts().get(0).get("blocks")).contains("Shared by");
  }

  @Test
  void progressIsPrivateTextUnlessSharedThenTheChartIsUploaded() throws Exception {
    score("U1", "demo-senior", 70, 15);

    HttpResponse<String> mine = rig.command("T1", "U1", "progress");
    assertThat(mine.body())
        .contains("Your progress")
        .contains("15 in the last 8 weeks")
        .contains("share");
    rig.deliver();
    assertThat(rig.api.files()).isEmpty();

    rig.command("T1", "U1", "progress 4 share");
    rig.deliver();
    SlackApiStandIn.File chart = uploaded("progress-");
    BufferedImage image = decode(chart.data());
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(520);
    assertThat(rig.api.shares().get(0).titles().get(0)).startsWith("Progress");
  }

  @Test
  void aCompetitionsEndUploadsThePodium() throws Exception {
    HttpResponse<String> started =
        rig.command("T1", "U_ADMIN", "compete start Cup 1d demo every 1d");
    assertThat(started.statusCode()).isEqualTo(200);
    rig.deliver();
    String question = rig.posts().get(rig.posts().size() - 1).ts();
    rig.command("T1", "U1", "compete join red");
    rig.event(
        "Ev1",
        SlackRig.threadMessage(
            "U1",
            "A queue decouples producers from consumers, absorbs bursts and retries.",
            "2000.1",
            question),
        Map.of());
    assertThat(rig.store.transact(tx -> tx.ledger().entries("slack:T1", "slack:U1", 10)).size())
        .isEqualTo(1);

    rig.clock.advance(Duration.ofDays(1));
    rig.bot.handle(new Inbound.Tick(rig.clock.instant()));
    rig.deliver();

    SlackApiStandIn.File podium = uploaded("podium-");
    assertThat(decode(podium.data()).getHeight()).isEqualTo(450);
    assertThat(podium.alt()).startsWith("Cup \u00b7 final standings: 1. ");
    SlackApiStandIn.Share share = rig.api.shares().get(rig.api.shares().size() - 1);
    assertThat(share.channel()).isEqualTo("C1");
    assertThat(share.threadTs()).isNull();
  }
}
