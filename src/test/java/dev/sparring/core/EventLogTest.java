package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventLogTest {

  private final Logger botLog = (Logger) LoggerFactory.getLogger(Bot.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level was;

  @BeforeEach
  void capture() {
    was = botLog.getLevel();
    botLog.setLevel(Level.INFO);
    lines.start();
    botLog.addAppender(lines);
  }

  @AfterEach
  void release() {
    botLog.detachAppender(lines);
    botLog.setLevel(was);
  }

  private List<String> logged(Inbound event, Bot.Result result) {
    new EventLog().handle(new Pipeline.Call(event, "c"), call -> Pipeline.Handled.of(result));
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void eachEventIsOneLineSayingWhatItQueuedAndAnsweredPrivately() {
    Inbound command =
        new Inbound.CommandInvoked(
            "k1", Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "help");
    assertThat(logged(command, new Bot.Result(false, 2, List.of())))
        .containsExactly("CommandInvoked: 2 queued, 0 private");
    assertThat(logged(command, Bot.Result.DUPLICATE))
        .endsWith("CommandInvoked (duplicate): 0 queued, 0 private");
  }

  @Test
  void quietTicksStayOutOfTheLog() {
    Inbound tick = new Inbound.Tick(Instant.EPOCH);
    assertThat(logged(tick, new Bot.Result(false, 0, List.of()))).isEmpty();
    assertThat(logged(tick, new Bot.Result(false, 1, List.of())))
        .containsExactly("Tick: 1 queued, 0 private");
  }
}
