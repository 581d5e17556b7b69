package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How long profiles and failed look-ups are kept, on the injected clock's time. */
class SlackUsersTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final SlackApiStandIn api;
  private final Slack slack;

  SlackUsersTest() throws Exception {
    api = new SlackApiStandIn();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(api.url());
    config.setFailOnUnknownProperties(false);
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
  }

  @AfterEach
  void close() throws Exception {
    api.close();
    slack.close();
  }

  private SlackUsers users(Executor executor) {
    return new SlackUsers(slack, team -> Optional.of("xoxb-test"), executor, clock);
  }

  private int lookups() {
    return api.calls("users.info").size();
  }

  @Test
  void aFailedLookUpIsAskedAgainOnlyAfterAMinute() {
    SlackUsers users = users(Runnable::run);
    api.breakMethod("users.info", 500);
    assertThat(users.known("T1", "U1")).isEmpty();
    assertThat(lookups()).isEqualTo(1);

    clock.advance(SlackUsers.RETRY_AFTER_FAILURE.minusSeconds(1));
    assertThat(users.known("T1", "U1")).isEmpty();
    assertThat(lookups()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(users.known("T1", "U1")).isEmpty();
    assertThat(lookups()).isEqualTo(2);
  }

  @Test
  void aProfileIsLookedUpAgainOnlyAfterTenMinutes() {
    SlackUsers users = users(Runnable::run);
    assertThat(users.known("T1", "U1")).contains(new SlackUsers.Profile("u1", false));
    assertThat(lookups()).isEqualTo(1);

    clock.advance(SlackUsers.REFRESH.minusSeconds(1));
    assertThat(users.known("T1", "U1")).contains(new SlackUsers.Profile("u1", false));
    assertThat(lookups()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(users.known("T1", "U1")).contains(new SlackUsers.Profile("u1", false));
    assertThat(lookups()).isEqualTo(2);
  }

  @Test
  void aProfileUnusedForADayIsForgotten() {
    // Look-ups run when the test says: a profile in memory answers at once, a forgotten one not.
    List<Runnable> pending = new ArrayList<>();
    SlackUsers users = users(pending::add);
    assertThat(users.known("T1", "U1")).isEmpty();
    runAll(pending);
    assertThat(users.known("T1", "U1")).isPresent();

    clock.advance(SlackUsers.FORGET.minusMinutes(1));
    assertThat(users.known("T1", "U1")).as("used within the day: kept").isPresent();
    runAll(pending); // the refresh the use started

    clock.advance(SlackUsers.FORGET.plusMinutes(1));
    assertThat(users.known("T1", "U1")).as("unused for a day: forgotten").isEmpty();
    runAll(pending);
    assertThat(users.known("T1", "U1")).isPresent();
    assertThat(lookups()).isEqualTo(3);
  }

  private static void runAll(List<Runnable> pending) {
    while (!pending.isEmpty()) {
      pending.remove(0).run();
    }
  }
}
