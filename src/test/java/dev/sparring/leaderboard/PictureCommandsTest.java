package dev.sparring.leaderboard;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.picture.LeaderboardCard;
import dev.sparring.picture.ProgressChart;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import dev.sparring.testing.Scores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pictures where the features attach them: the leaderboard's card (to the asker, or shared in
 * the channel), the competition's podium, and the progress chart; each with its text kept.
 */
class PictureCommandsTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());
  private final String team = Harness.TEAM.key();
  private final String channel = Harness.CHANNEL.key();

  @AfterEach
  void close() {
    h.close();
  }

  private void score(String user, String question, int grade, int points, Instant at) {
    Scores.graded(h.store, team, channel, "console:" + user, question, grade, points, at);
  }

  private static Message only(Bot.Result r) {
    assertThat(r.ephemerals()).hasSize(1);
    return r.ephemerals().get(0).message();
  }

  private static BufferedImage picture(Message m, String name) throws Exception {
    assertThat(m.attachments()).hasSize(1);
    Message.Attachment a = m.attachments().get(0);
    assertThat(a.name()).isEqualTo(name);
    assertThat(a.mediaType()).isEqualTo("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(a.data()));
    assertThat(image).isNotNull();
    return image;
  }

  private Outbound lastSent() {
    return h.gateway.sent().get(h.gateway.sent().size() - 1).message();
  }

  @Test
  void theLeaderboardComesWithACardOfTheSameRows() throws Exception {
    score("ana", "demo-senior", 80, 50, h.clock.instant());
    score("bo", "demo-basic", 60, 30, h.clock.instant());

    Message m = only(h.command("cy", "leaderboard"));
    BufferedImage card = picture(m, "leaderboard.png");
    assertThat(card.getWidth()).isEqualTo(LeaderboardCard.WIDTH);
    assertThat(m.bodyText()).contains("ana").contains("50 points").contains("bo");
    assertThat(m.attachments().get(0).alt())
        .isEqualTo(
            "Leaderboard \u00b7 this channel (Season S1 \u00b7 only you see this):"
                + " 1. ana 50 pts, 2. bo 30 pts");
  }

  @Test
  void theAskerFurtherDownGetsTheirOwnLineOnTheCard() {
    for (int i = 1; i <= 12; i++) {
      score("u" + i, "demo-basic", 50, 100 - i, h.clock.instant());
    }
    Message m = only(h.command("u12", "leaderboard season"));
    assertThat(m.attachments().get(0).alt())
        .startsWith("Leaderboard \u00b7 team (Season S1")
        .contains("10. u10 90 pts, 12. u12 88 pts")
        .doesNotContain("u11");
  }

  @Test
  void shareTellsTheAskerAndPostsTheCardForEveryone() throws Exception {
    score("ana", "demo-senior", 80, 50, h.clock.instant());
    Bot.Result r = h.command("ana", "leaderboard team all-time share");
    assertThat(said(r)).contains("Posted the leaderboard");
    h.dispatcher.drain();
    Outbound posted = lastSent();
    assertThat(posted).isInstanceOf(Outbound.Post.class);
    assertThat(posted.message().titleText()).isEqualTo("Leaderboard \u00b7 team \u00b7 all time");
    assertThat(posted.message().bodyText()).contains("ana").contains("Shared by");
    picture(posted.message(), "leaderboard.png");
    assertThat(posted.message().attachments().get(0).alt())
        .isEqualTo("Leaderboard \u00b7 team (All time): 1. ana 50 pts");
  }

  @Test
  void aCompetitionEndsWithThePodiumAsAPictureAndNobodysPodiumWithNone() throws Exception {
    h.admin("ana", "compete start Cup 1d demo every 1d");
    String question = h.drainAndLastThread();
    h.command("bo", "compete join red");
    h.reply("bo", question, "A queue decouples producers from consumers and absorbs bursts.");
    h.clock.advance(Duration.ofDays(1));
    h.tick();
    h.dispatcher.drain();
    RecordingGateway.Sent last = h.gateway.sent().get(h.gateway.sent().size() - 1);
    assertThat(Harness.title(last.message())).isEqualTo("\uD83C\uDFC6 Cup is over");
    BufferedImage podium = picture(last.message().message(), "podium.png");
    assertThat(podium.getWidth()).isEqualTo(800);
    assertThat(last.message().message().attachments().get(0).alt())
        .startsWith("Cup \u00b7 final standings: 1. bo ")
        .contains("groups: 1. red");

    h.admin("ana", "compete start Empty 1d demo every 1d");
    h.dispatcher.drain();
    h.clock.advance(Duration.ofDays(1));
    h.tick();
    h.dispatcher.drain();
    Outbound over = lastSent();
    assertThat(over.message().bodyText()).isEqualTo("Nobody scored this time.");
    assertThat(over.message().attachments()).isEmpty();
  }

  @Test
  void progressChartsPointsAndGradesPerTopicForTheAskerOnly() throws Exception {
    Instant now = h.clock.instant(); // Sunday 2026-03-01
    score("ana", "demo-senior", 60, 10, now.minus(Duration.ofDays(8)));
    score("ana", "demo-senior", 80, 20, now.minus(Duration.ofDays(1)));
    score("ana", "demo-basic", 50, 5, now);
    score("bo", "demo-basic", 99, 99, now);

    Bot.Result r = h.command("ana", "progress 4");
    assertThat(r.queued()).isZero();
    Message m = only(r);
    BufferedImage chart = picture(m, "progress.png");
    assertThat(chart.getWidth()).isEqualTo(ProgressChart.WIDTH);
    assertThat(chart.getHeight()).isEqualTo(ProgressChart.HEIGHT);
    assertThat(m.titleText()).isEqualTo("Your progress \u00b7 last 4 weeks");
    assertThat(m.bodyText())
        .contains("**Points:** 35 in the last 4 weeks (all time 35)")
        .contains("`reliability`: 60 \u2192 80 (2 answers)")
        .contains("`messaging`: 60 \u2192 80 (2 answers)")
        .contains("`fundamentals`: 50 (1 answer)")
        .contains("Only you see this");
    assertThat(m.attachments().get(0).alt())
        .startsWith("Your progress \u00b7 last 4 weeks: 35 pts over 4 weeks")
        .contains("reliability mean grade 60 to 80");
  }

  @Test
  void progressIsSharedOnlyWhenAskedAndSaysWhenThereIsNothing() throws Exception {
    assertThat(said(h.command("cy", "progress"))).startsWith("Nothing scored or graded");
    assertThat(said(h.command("cy", "progress 0"))).contains("Usage: `/spar progress");
    assertThat(said(h.command("cy", "progress weeks"))).contains("is not a number of weeks");

    score("ana", "demo-basic", 70, 12, h.clock.instant());
    Bot.Result r = h.command("ana", "progress share");
    assertThat(said(r)).contains("Posted your progress chart");
    h.dispatcher.drain();
    Outbound posted = lastSent();
    assertThat(posted.message().titleText()).isEqualTo("Progress \u00b7 ana");
    assertThat(posted.message().bodyText()).contains("Shared by");
    picture(posted.message(), "progress.png");
    assertThat(posted.message().attachments().get(0).alt())
        .startsWith("Progress \u00b7 ana \u00b7 last 8 weeks: 12 pts");
  }
}
