package dev.sparring.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

  @Test
  void theValueIsMadeAtTheFirstGetAndOnlyOnceWhateverTheThreads() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Lazy<List<Integer>> lazy = Lazy.of(() -> List.of(made.incrementAndGet()));
    assertThat(made).hasValue(0);

    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    Object[] seen = new Object[threads.length];
    for (int i = 0; i < threads.length; i++) {
      int n = i;
      threads[i] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                seen[n] = lazy.get();
              });
      threads[i].start();
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(made).hasValue(1);
    assertThat(seen).allSatisfy(v -> assertThat(v).isSameAs(lazy.get()));
    assertThat(lazy.get()).containsExactly(1);
  }
}
