package dev.sparring.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The pictures decode as PNG of the promised size with something drawn where the content goes;
 * fixed data gives the same bytes; hostile names (very long, right-to-left, emoji, markup,
 * controls) still draw and stay inside their column; and the README's pictures are what the code
 * draws.
 *
 * <p>Run with {@code -Dsparring.writePictures=true} to rewrite {@code src/docs/pictures/}.
 */
class PicturesTest {

  private static final Path DOCS = Path.of("src", "docs", "pictures");

  static BufferedImage decode(byte[] png) throws IOException {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG ImageIO can read").isNotNull();
    return image;
  }

  /** Pixels in the rectangle that are not the white background. */
  static int inked(BufferedImage image, int x, int y, int w, int h) {
    int n = 0;
    for (int i = x; i < Math.min(image.getWidth(), x + w); i++) {
      for (int j = y; j < Math.min(image.getHeight(), y + h); j++) {
        if ((image.getRGB(i, j) & 0xFFFFFF) != 0xFFFFFF) {
          n++;
        }
      }
    }
    return n;
  }

  private static List<LeaderboardCard.Row> rows(String... names) {
    List<LeaderboardCard.Row> rows = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      rows.add(new LeaderboardCard.Row(i + 1, names[i], 100L - i * 10, i % 3, false));
    }
    return rows;
  }

  @Test
  void theLeaderboardCardIsAnImageOfOneRowPerPersonWithTheAskerHighlighted() throws Exception {
    List<LeaderboardCard.Row> rows = new ArrayList<>(rows("ana", "bo", "cy", "dee", "eve"));
    rows.add(new LeaderboardCard.Row(9, "me", 12, 2, true));
    byte[] png = LeaderboardCard.png("Leaderboard", "Season S1", rows);
    BufferedImage image = decode(png);

    assertThat(image.getWidth()).isEqualTo(LeaderboardCard.WIDTH);
    assertThat(image.getHeight()).isEqualTo(LeaderboardCard.height(rows)).isBetween(300, 600);
    assertThat(LeaderboardCard.height(rows))
        .as("the asker's line, apart from the top, takes a little more room")
        .isGreaterThan(LeaderboardCard.height(rows.subList(0, 5)) + LeaderboardCard.ROW);
    int first = LeaderboardCard.TOP;
    assertThat(inked(image, 30, first, 30, LeaderboardCard.ROW)).as("a medal").isGreaterThan(200);
    assertThat(inked(image, 76, first, 200, LeaderboardCard.ROW)).as("a name").isGreaterThan(50);
    // The asker's row is highlighted: its background is not white even between the columns.
    int mine = image.getHeight() - LeaderboardCard.BOTTOM - LeaderboardCard.ROW / 2;
    assertThat(image.getRGB(300, mine) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    assertThat(image.getRGB(300, first + LeaderboardCard.ROW / 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(LeaderboardCard.alt("Leaderboard", "Season S1", rows))
        .isEqualTo(
            "Leaderboard (Season S1): 1. ana 100 pts, 2. bo 90 pts, 3. cy 80 pts, 4. dee 70 pts,"
                + " 5. eve 60 pts, 9. me 12 pts");
  }

  @Test
  void anEmptyBoardSaysSoInItsPicture() throws Exception {
    BufferedImage image = decode(LeaderboardCard.png("Leaderboard", "Season S1", List.of()));
    assertThat(image.getHeight()).isEqualTo(LeaderboardCard.height(List.of()));
    assertThat(inked(image, 250, LeaderboardCard.TOP, 300, 2 * LeaderboardCard.ROW))
        .isGreaterThan(100);
    assertThat(LeaderboardCard.alt("Leaderboard", "", List.of()))
        .isEqualTo("Leaderboard: no points yet");
  }

  @Test
  void hostileNamesStillDrawInsideTheirColumn() throws Exception {
    List<String> names =
        List.of(
            "A".repeat(500),
            "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd \u0645\u0631\u062d\u0628\u0627",
            "\uD83D\uDE80\uD83D\uDD25\uD83D\uDC4D\uD83C\uDFFD",
            "*bold* <@U123> `code` <script>&amp; @everyone",
            "\u202Eevil\u202C\u200B\u0000\n\tnew line",
            "\uD83D\uDE80 rocket \uDBFF\uDFFF",
            "\uE000forged span\uE001",
            "");
    List<LeaderboardCard.Row> rows = rows(names.toArray(String[]::new));
    BufferedImage card = decode(LeaderboardCard.png("\uD83C\uDFC6".repeat(300), "\u202E", rows));
    for (int i = 0; i < rows.size(); i++) {
      int top = LeaderboardCard.TOP + i * LeaderboardCard.ROW;
      assertThat(inked(card, 76, top + 4, 240, LeaderboardCard.ROW - 8))
          .as("row %d draws something", i)
          .isPositive();
    }
    // The 500-letter name is clipped before the bars: the gap before them stays white.
    int first = LeaderboardCard.TOP + 8;
    int barLeft = firstBarLeft(card, first + 13);
    assertThat(barLeft).isBetween(276, 600);
    assertThat(inked(card, barLeft - 18, first, 12, LeaderboardCard.ROW - 12)).isZero();

    BufferedImage podium =
        decode(
            PodiumPicture.png(
                "x".repeat(400),
                "\u202E",
                names.stream().map(n -> new PodiumPicture.Place(n, 5)).toList(),
                List.of(new PodiumPicture.Place("\uD83D\uDE80".repeat(50), 3))));
    assertThat(podium.getWidth()).isEqualTo(PodiumPicture.WIDTH);
    assertThat(LeaderboardCard.alt("t", "", rows))
        .doesNotContain("\u202E", "\u200B", "\uE000")
        .contains("AAAA\u2026", "someone", "*bold* <@U123>");
  }

  /** The x where the first row's bar starts: the first accent-blue pixel on that line. */
  private static int firstBarLeft(BufferedImage image, int y) {
    for (int x = 76; x < image.getWidth(); x++) {
      int rgb = image.getRGB(x, y) & 0xFFFFFF;
      if (rgb == (Theme.ACCENT.getRGB() & 0xFFFFFF)) {
        return x;
      }
    }
    return -1;
  }

  @Test
  void thePodiumShowsThreeStepsAndTheRestBelow() throws Exception {
    List<PodiumPicture.Place> people =
        List.of(
            new PodiumPicture.Place("ana", 30),
            new PodiumPicture.Place("bo", 20),
            new PodiumPicture.Place("cy", 10),
            new PodiumPicture.Place("dee", 5));
    BufferedImage image = decode(PodiumPicture.png("Cup", "2 days", people, List.of()));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(450);
    // The gold step in the middle, silver on the left, bronze on the right, just above the floor.
    assertThat(image.getRGB(400, 300) & 0xFFFFFF).isEqualTo(Theme.GOLD.getRGB() & 0xFFFFFF);
    assertThat(image.getRGB(204, 300) & 0xFFFFFF).isEqualTo(Theme.SILVER.getRGB() & 0xFFFFFF);
    assertThat(image.getRGB(596, 300) & 0xFFFFFF).isEqualTo(Theme.BRONZE.getRGB() & 0xFFFFFF);
    assertThat(inked(image, 60, 360, 300, 80)).as("4. dee below").isGreaterThan(50);
    assertThat(PodiumPicture.alt("Cup", people, List.of()))
        .isEqualTo("Cup: 1. ana 30 pts, 2. bo 20 pts, 3. cy 10 pts, 4. dee 5 pts");
    BufferedImage nobody = decode(PodiumPicture.png("Cup", "", List.of(), List.of()));
    assertThat(nobody.getRGB(400, 300) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void theProgressChartDrawsBarsAndOneLinePerTopic() throws Exception {
    ProgressChart.Progress p = Samples.progressData();
    BufferedImage image = decode(ProgressChart.png(p));
    assertThat(image.getWidth()).isEqualTo(ProgressChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(ProgressChart.HEIGHT);
    int accent = Theme.ACCENT.getRGB() & 0xFFFFFF;
    long bars = countColour(image, 0, 96, 800, 150, accent);
    assertThat(bars).as("points bars").isGreaterThan(2000);
    for (int i = 0; i < p.grades().size(); i++) {
      int colour = Theme.SERIES[i].getRGB() & 0xFFFFFF;
      assertThat(countColour(image, 0, 250, 800, 220, colour)).as("topic %d", i).isPositive();
    }
    assertThat(ProgressChart.alt(p))
        .startsWith("Your progress \u00b7 last 8 weeks: 395 pts over 8 weeks")
        .contains("distributed-systems mean grade 52 to 81");
  }

  @Test
  void aChartOfNothingSaysSo() throws Exception {
    List<LocalDate> weeks = List.of(LocalDate.of(2026, 3, 2));
    ProgressChart.Progress p =
        new ProgressChart.Progress("Progress", "", weeks, List.of(0L), Map.of());
    assertThat(p.empty()).isTrue();
    BufferedImage image = decode(ProgressChart.png(p));
    assertThat(inked(image, 200, 235, 400, 25)).isGreaterThan(100);
  }

  @Test
  void topicsBeyondTheMostShownAreLeftOut() {
    Map<String, List<Integer>> grades = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      grades.put("t" + i, Arrays.asList(50, null));
    }
    ProgressChart.Progress p =
        new ProgressChart.Progress(
            "P",
            null,
            List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)),
            List.of(1L, 2L),
            grades);
    assertThat(p.grades()).hasSize(ProgressChart.MAX_TOPICS).containsKey("t0");
  }

  private static long countColour(BufferedImage image, int x, int y, int w, int h, int rgb) {
    long n = 0;
    for (int i = x; i < x + w; i++) {
      for (int j = y; j < y + h; j++) {
        if ((image.getRGB(i, j) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void theSamePicturesComeOutByteForByte() {
    assertThat(Samples.leaderboard()).isEqualTo(Samples.leaderboard());
    assertThat(Samples.podium()).isEqualTo(Samples.podium());
    assertThat(Samples.progress()).isEqualTo(Samples.progress());
  }

  /**
   * The README shows the committed pictures: they must be what the code draws from the sample data
   * (same size, same pixels), or rewritten with {@code -Dsparring.writePictures=true}.
   */
  @Test
  void theReadmePicturesAreWhatTheCodeDraws() throws Exception {
    Map<String, byte[]> drawn =
        Map.of(
            "leaderboard.png", Samples.leaderboard(),
            "podium.png", Samples.podium(),
            "progress.png", Samples.progress());
    if (Boolean.getBoolean("sparring.writePictures")) {
      Files.createDirectories(DOCS);
      for (Map.Entry<String, byte[]> e : drawn.entrySet()) {
        Files.write(DOCS.resolve(e.getKey()), e.getValue());
      }
    }
    for (Map.Entry<String, byte[]> e : drawn.entrySet()) {
      Path committed = DOCS.resolve(e.getKey());
      assertThat(committed).as("run with -Dsparring.writePictures=true").exists();
      BufferedImage want = decode(e.getValue());
      BufferedImage have = decode(Files.readAllBytes(committed));
      assertThat(have.getWidth()).as(e.getKey()).isEqualTo(want.getWidth());
      assertThat(have.getHeight()).as(e.getKey()).isEqualTo(want.getHeight());
      // The committed pictures were drawn with DejaVu Sans; another font moves every letter.
      org.junit.jupiter.api.Assumptions.assumeTrue(
          new java.awt.Font("DejaVu Sans", java.awt.Font.PLAIN, 12)
              .getFamily()
              .startsWith("DejaVu"),
          "DejaVu Sans is not installed: pixels are not compared");
      int differ = 0;
      for (int x = 0; x < want.getWidth(); x++) {
        for (int y = 0; y < want.getHeight(); y++) {
          differ += want.getRGB(x, y) == have.getRGB(x, y) ? 0 : 1;
        }
      }
      // Another machine's font rasteriser may move an antialiased edge; the drawing is the same.
      assertThat(differ)
          .as("%s pixels differing", e.getKey())
          .isLessThan(want.getWidth() * want.getHeight() / 50);
    }
  }
}
