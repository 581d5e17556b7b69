package dev.sparring.picture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of each picture from fixed sample data: the README's pictures are these, and the tests check
 * that the committed files are what the code draws.
 */
public final class Samples {

  private Samples() {}

  public static byte[] leaderboard() {
    return LeaderboardCard.png(
        "Leaderboard \u00b7 #backend-guild",
        "Season S3 \u00b7 only you see this",
        List.of(
            new LeaderboardCard.Row(1, "Amara Okafor", 412, 12, false),
            new LeaderboardCard.Row(2, "Mateo \u00c1lvarez", 389, 9, false),
            new LeaderboardCard.Row(3, "Zo\u00eb Lindqvist", 344, 0, false),
            new LeaderboardCard.Row(4, "Priya Raman", 301, 5, false),
            new LeaderboardCard.Row(5, "Kenji Watanabe", 276, 3, false),
            new LeaderboardCard.Row(6, "Fatima Haddad", 240, 0, false),
            new LeaderboardCard.Row(7, "Olek Nowak", 198, 2, false),
            new LeaderboardCard.Row(8, "Sam Carter", 154, 0, false),
            new LeaderboardCard.Row(9, "Ines Duarte", 122, 1, false),
            new LeaderboardCard.Row(10, "Lena Fischer", 97, 0, false),
            new LeaderboardCard.Row(14, "Noor Sato", 61, 4, true)));
  }

  public static byte[] podium() {
    return PodiumPicture.png(
        "Week 3 Cup \u00b7 final standings",
        "7 days \u00b7 12 members \u00b7 3 groups",
        List.of(
            new PodiumPicture.Place("Amara Okafor", 180),
            new PodiumPicture.Place("Kenji Watanabe", 155),
            new PodiumPicture.Place("Priya Raman", 140),
            new PodiumPicture.Place("Sam Carter", 95),
            new PodiumPicture.Place("Zo\u00eb Lindqvist", 80),
            new PodiumPicture.Place("Olek Nowak", 60)),
        List.of(
            new PodiumPicture.Place("crimson-squad", 355),
            new PodiumPicture.Place("night-owls", 290),
            new PodiumPicture.Place("the-queue", 175)));
  }

  public static ProgressChart.Progress progressData() {
    LocalDate first = LocalDate.of(2026, 1, 5);
    List<LocalDate> weeks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      weeks.add(first.plusWeeks(i));
    }
    Map<String, List<Integer>> grades = new LinkedHashMap<>();
    grades.put("distributed-systems", grades(52, 58, null, 64, 70, 73, null, 81));
    grades.put("databases", grades(null, 45, 50, 49, 61, null, 66, 72));
    grades.put("messaging", grades(70, null, 68, 75, null, 79, 84, 86));
    grades.put("api-design", grades(null, null, 40, null, 55, 58, 63, null));
    return new ProgressChart.Progress(
        "Your progress \u00b7 last 8 weeks",
        "Points earned each week, and your mean grade per topic",
        weeks,
        List.of(30L, 45L, 20L, 60L, 55L, 35L, 70L, 80L),
        grades);
  }

  private static List<Integer> grades(Integer... g) {
    return java.util.Arrays.asList(g);
  }

  public static byte[] progress() {
    return ProgressChart.png(progressData());
  }
}
