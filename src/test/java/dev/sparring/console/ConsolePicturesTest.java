package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console has no pictures: it prints each one as a line of its text, {@code [picture NAME —
 * ALT]}, and saves the file in its pictures directory to open.
 */
class ConsolePicturesTest {

  @TempDir Path dir;

  private String session(Gateway gateway, String script) throws Exception {
    MemoryStore store = new MemoryStore();
    ConsoleClock clock =
        new ConsoleClock(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
    Bot bot = new Bot(store, clock, Features.all());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(gateway), OutboxDispatcher.Settings.defaults(), "console");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConsoleAdapter(bot, gateway, dispatcher, out, "ana", "general")
        .run(new BufferedReader(new StringReader(script)), false);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static final String SCRIPT =
      String.join(
          "\n",
          "/spar compete start Cup 1d demo every 1d",
          "/spar compete join",
          "A queue decouples producers from consumers, absorbs a burst and retries.",
          "/spar leaderboard",
          "/spar progress",
          "/clock +1d",
          "");

  @Test
  void eachPictureIsALineOfTextAndAFileToOpen() throws Exception {
    Path pictures = dir.resolve("pictures");
    String out = session(ConsoleAdapter.newGateway(pictures), SCRIPT);

    assertThat(out)
        .contains(
            "[picture leaderboard.png \u2014 Leaderboard \u00b7 this channel (Season S1 \u00b7"
                + " only you see this): 1. ana ")
        .contains("[picture progress.png \u2014 Your progress \u00b7 last 8 weeks: ")
        .contains("[picture podium.png \u2014 Cup \u00b7 final standings: 1. ana ");
    Matcher saved = Pattern.compile("\\] saved as (\\S+\\.png)").matcher(out);
    int files = 0;
    while (saved.find()) {
      Path file = Path.of(saved.group(1));
      assertThat(file).startsWith(pictures).exists();
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).isEqualTo(800);
      files++;
    }
    assertThat(files).isEqualTo(3);
  }

  @Test
  void withoutADirectoryThePicturesAreOnlyTheirText() throws Exception {
    String out = session(ConsoleAdapter.newGateway(), SCRIPT);
    assertThat(out).contains("[picture leaderboard.png \u2014 ").doesNotContain("saved as");
    try (var listing = Files.list(dir)) {
      assertThat(listing).isEmpty();
    }
  }
}
