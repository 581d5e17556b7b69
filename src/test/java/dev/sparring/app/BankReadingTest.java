package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.testing.TestPacks;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BankReadingTest {

  private final List<String> packs = List.of(TestPacks.root().toString());

  @AfterEach
  void noPreloadLeftBehind() {
    // Takes (and so drops) a preload a failing test may have left.
    BankReading.inBackground(packs).join();
  }

  @Test
  void startTakesOverAPreloadOfItsPathsOnce() {
    CompletableFuture<BankReading> preloaded = BankReading.preload(() -> packs);
    CompletableFuture<BankReading> taken = BankReading.inBackground(packs);
    assertThat(taken).isSameAs(preloaded);
    assertThat(taken.join().bank().questions()).hasSize(2);
    // Taken once: the next start reads anew.
    CompletableFuture<BankReading> again = BankReading.inBackground(packs);
    assertThat(again).isNotSameAs(preloaded);
    assertThat(again.join().bank().questions()).hasSize(2);
  }

  @Test
  void aPreloadOfOtherPathsIsNotUsed() {
    CompletableFuture<BankReading> preloaded = BankReading.preload(() -> List.of("prompts"));
    CompletableFuture<BankReading> taken = BankReading.inBackground(packs);
    assertThat(taken).isNotSameAs(preloaded);
    assertThat(taken.join().bank().questions()).hasSize(2);
  }

  @Test
  void aPreloadThatCouldNotTellItsPathsLeavesStartToReadThem() {
    CompletableFuture<BankReading> preloaded =
        BankReading.preload(
            () -> {
              throw new IllegalStateException("broken config");
            });
    CompletableFuture<BankReading> taken = BankReading.inBackground(packs);
    assertThat(taken).isNotSameAs(preloaded);
    assertThat(taken.join().bank().questions()).hasSize(2);
    assertThat(preloaded).isCompletedExceptionally();
  }

  @Test
  void whatIsWorthTellingIsKeptForTheThreadThatTakesTheBank() {
    BankReading reading = BankReading.read(List.of(packs.get(0), "no-such-folder", "nor-this-one"));
    assertThat(reading.skipped()).containsExactly("no-such-folder", "nor-this-one");
    assertThat(reading.bundled()).isFalse();
    assertThat(BankReading.read(List.of("no-such-folder")).bundled()).isTrue();
  }
}
