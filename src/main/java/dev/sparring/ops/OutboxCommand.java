package dev.sparring.ops;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.chat.Outbound;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparring outbox dead | retry ID | drop ID}: messages that could not be delivered after
 * every attempt stay visible here until an operator retries or drops them.
 */
@Command(
    name = "outbox",
    description = "Inspect dead letters: messages that failed every delivery attempt.",
    subcommands = {
      OutboxCommand.Dead.class,
      OutboxCommand.Retry.class,
      OutboxCommand.Drop.class,
      CommandLine.HelpCommand.class
    })
public final class OutboxCommand {

  @Command(name = "dead", description = "List dead letters, oldest first.")
  static final class Dead implements Callable<Integer> {
    @Mixin Startup startup = new Startup();

    @Option(names = "--limit", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit = 50;

    @Override
    public Integer call() {
      Startup.quietLogs();
      try (Store store = Sparring.openStore(startup.loadConfig(), startup.data)) {
        List<OutboxEntry> dead = store.transact(tx -> tx.outbox().deadLetters(limit));
        if (dead.isEmpty()) {
          System.out.println("No dead letters.");
          return 0;
        }
        for (OutboxEntry e : dead) {
          Outbound m = e.message();
          String text =
              dev.sparring.chat.Inline.plain(
                  m.message().title().isBlank() ? m.message().body() : m.message().title());
          System.out.printf(
              "%d  %s  %s  %d attempts  %s  \"%s\"%n",
              e.id(),
              e.createdAt(),
              m.channel().key(),
              e.attempts(),
              e.lastError() == null ? "" : e.lastError(),
              text.replace('\n', ' ').length() > 60
                  ? text.replace('\n', ' ').substring(0, 59) + "\u2026"
                  : text.replace('\n', ' '));
        }
        System.out.println(dead.size() + " dead letter(s). Retry with `sparring outbox retry ID`.");
      }
      return 0;
    }
  }

  /** A dead letter, by id, settled one way or another. */
  abstract static class Settle implements Callable<Integer> {
    @Mixin Startup startup = new Startup();

    @Parameters(paramLabel = "ID")
    long id;

    /** Settles the dead letter; false if {@code id} is not one. */
    abstract boolean settle(Store store);

    abstract String done();

    @Override
    public Integer call() {
      Startup.quietLogs();
      try (Store store = Sparring.openStore(startup.loadConfig(), startup.data)) {
        boolean ok = settle(store);
        System.out.println(ok ? done() : "No dead letter " + id + ".");
        return ok ? 0 : 1;
      }
    }
  }

  @Command(name = "retry", description = "Queue a dead letter for delivery again.")
  static final class Retry extends Settle {
    @Override
    boolean settle(Store store) {
      return store.transact(tx -> tx.outbox().requeue(id, Clock.systemUTC().instant()));
    }

    @Override
    String done() {
      return "Queued " + id + " again; a running bot delivers it.";
    }
  }

  @Command(name = "drop", description = "Delete a dead letter for good.")
  static final class Drop extends Settle {
    @Override
    boolean settle(Store store) {
      return store.transact(tx -> tx.outbox().drop(id));
    }

    @Override
    String done() {
      return "Dropped " + id + ".";
    }
  }
}
