/**
 * JDBC stores: {@link dev.sparring.store.jdbc.SqliteStore} (the embedded default, one file in WAL
 * mode) and, sharing the same SQL, server databases. Schema changes are Flyway migrations under
 * {@code db/migration/<dialect>}.
 */
package dev.sparring.store.jdbc;
