package dev.sparring.store.jdbc;

/** What differs between the SQL databases Sparring runs on. */
enum Dialect {
  SQLITE("sqlite", "", "", ""),
  POSTGRES("postgres", " FOR UPDATE", " FOR UPDATE SKIP LOCKED", " COLLATE \"C\"");

  private final String migrations;
  private final String lockRow;
  private final String skipLocked;
  private final String binary;

  Dialect(String migrations, String lockRow, String skipLocked, String binary) {
    this.binary = binary;
    this.migrations = migrations;
    this.lockRow = lockRow;
    this.skipLocked = skipLocked;
  }

  /** Flyway location of this dialect's migrations. */
  String migrations() {
    return "classpath:db/migration/" + migrations;
  }

  /** Suffix that locks a row read for update (SQLite has one writer, so it needs none). */
  String lockRow() {
    return lockRow;
  }

  /** Suffix that lets concurrent claimers pass over each other's locked rows. */
  String skipLocked() {
    return skipLocked;
  }

  /** Collation suffix that compares text by code point, as Java's String order does. */
  String binary() {
    return binary;
  }
}
