/**
 * JDBC stores: {@link dev.sparring.store.jdbc.SqliteStore} (the embedded default, one file in WAL
 * mode) and, sharing the same SQL, server databases. Schema changes are Flyway migrations under
 * {@code db/migration/<dialect>}; Flyway itself runs only when one is pending on an existing schema
 * ({@link dev.sparring.store.jdbc.Migrations}).
 */
package dev.sparring.store.jdbc;
