package dev.sparring.store;

/**
 * One open transaction, seen through its repositories. Valid only inside {@link Store#transact}.
 */
public interface Tx {

  InboundLog inbound();

  Conversations conversations();

  Answers answers();

  Threads threads();

  Outbox outbox();

  KeyValues kv();

  Documents documents();

  Ledger ledger();

  Disputes disputes();

  /** Removal of a team's or a person's data (uninstall, erasure requests). */
  Erasure erase();
}
