/**
 * The store SPI: one {@link dev.sparring.store.Store#transact unit of work} over small repositories
 * (inbound keys, conversations, answers, threads, outbox, key-values). Implementations live in
 * sub-packages named after what backs them ({@code memory}, {@code jdbc}); the same contract test
 * suite runs against each. No JDBC type appears here.
 */
package dev.sparring.store;
