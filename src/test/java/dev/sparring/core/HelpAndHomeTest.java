package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HelpAndHomeTest {

  /** Answers {@code commands}, with help lines and one home section. */
  private static Feature feature(Set<String> commands, List<Feature.Help> help, String home) {
    return new Feature() {
      @Override
      public Set<String> commands() {
        return commands;
      }

      @Override
      public List<Help> help() {
        return help;
      }

      @Override
      public void command(Context ctx, Command command) {}

      @Override
      public List<Message> home(Context ctx, TeamRef team, Actor actor) {
        return List.of(Message.text(home + " for " + actor.displayName()));
      }
    };
  }

  private final HelpAndHome pages =
      new HelpAndHome(
          new FeatureCatalog(
              List.of(
                  feature(
                      Set.of("leaderboard", "lb"),
                      List.of(
                          Feature.Help.of("leaderboard", "the standings"),
                          new Feature.Help("leaderboard reset", "start over", true)),
                      "standings"),
                  feature(
                      Set.of("daily"),
                      List.of(Feature.Help.of("daily", "today's question")),
                      "daily"))));

  @Test
  void helpListsEveryLineThenHowToNarrowIt() {
    Message all = pages.help(List.of());
    assertThat(all.titleText()).isEqualTo("Sparring commands");
    assertThat(all.bodyText())
        .isEqualTo(
            "- `/spar leaderboard`: the standings\n"
                + "- `/spar leaderboard reset`: start over _(admins)_\n"
                + "- `/spar daily`: today's question\n"
                + "- `/spar help`: this list\n"
                + "- `/spar help COMMAND`: only that command's lines");
  }

  @Test
  void helpForOneCommandOrItsAliasShowsOnlyItsLines() {
    Message one = pages.help(List.of("DAILY"));
    assertThat(one.titleText()).isEqualTo("/spar daily");
    assertThat(one.bodyText()).isEqualTo("- `/spar daily`: today's question");
    assertThat(pages.help(List.of("lb")).bodyText())
        .contains("the standings")
        .contains("start over")
        .doesNotContain("daily");
  }

  @Test
  void helpForNoSuchCommandPointsToTheClosest() {
    assertThat(pages.help(List.of("dialy")).bodyText())
        .isEqualTo(
            "No command `dialy`. Did you mean `/spar help daily`? `/spar help` lists them all.");
    assertThat(pages.help(List.of("help")).bodyText())
        .isEqualTo("No command `help`. `/spar help` lists them all.");
  }

  @Test
  void theHomeViewIsEveryFeaturesSectionsInOrder() {
    List<Message> home =
        new MemoryStore()
            .transact(
                tx ->
                    pages.home(
                        new Context(tx, new Effects(), Instant.EPOCH, Set.of()),
                        Harness.TEAM,
                        Harness.actor("ana")));
    assertThat(home)
        .extracting(Message::bodyText)
        .containsExactly("standings for ana", "daily for ana");
  }
}
