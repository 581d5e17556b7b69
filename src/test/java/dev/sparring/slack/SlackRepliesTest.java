package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.UserRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several private answers to one command go into its one acknowledgement as one message. */
class SlackRepliesTest {

  private static Outbound.Ephemeral to(Message m) {
    return new Outbound.Ephemeral(
        new ChannelRef(SlackModule.PLATFORM, "C1"), new UserRef(SlackModule.PLATFORM, "U1"), m);
  }

  @Test
  void oneAnswerIsSentAsItIs() {
    Message only = Message.of("Scores", "You have 3 points.");
    assertThat(SlackReplies.merge(List.of(to(only)))).isSameAs(only);
  }

  @Test
  void severalAnswersKeepTheirTitlesInBoldAndAreSeparatedByABlankLine() {
    Message merged =
        SlackReplies.merge(
            List.of(
                to(Message.of("Scores", "You have 3 points.")),
                to(Message.text("Streak: 2 days."))));
    assertThat(merged.title()).isEmpty();
    assertThat(merged.body()).isEqualTo("**Scores**\nYou have 3 points.\n\nStreak: 2 days.");
  }
}
