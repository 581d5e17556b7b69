package dev.sparring.app;

import dev.sparring.chat.Lazy;
import dev.sparring.config.SparringConfig;
import dev.sparring.store.jdbc.SqliteStore;
import java.util.function.Supplier;

/**
 * What {@link Sparring#start} will need from a configuration, begun on other threads before the
 * command line that starts the bot is even parsed: the bank is read ({@link BankReading#preload})
 * and, for the embedded store, SQLite is loaded ({@link SqliteStore#warmUp}). Nothing is opened or
 * written; if the configuration {@code start} gets turns out different, only work is lost.
 */
public final class Preload {

  private Preload() {}

  /** Starts the work for the configuration {@code config} gives (it is called on those threads). */
  public static void start(Supplier<SparringConfig> config) {
    Lazy<SparringConfig> once = Lazy.of(config);
    BankReading.preload(() -> once.get().bankPaths());
    Thread store =
        new Thread(
            () -> {
              try {
                if ("sqlite".equals(once.get().store().type())) {
                  SqliteStore.warmUp();
                }
              } catch (RuntimeException | LinkageError e) {
                // Sparring.start meets the same problem and reports it.
              }
            },
            "store-warm-up");
    store.setDaemon(true);
    store.start();
  }
}
