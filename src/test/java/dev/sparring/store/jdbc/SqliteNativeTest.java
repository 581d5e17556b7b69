package dev.sparring.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeTest {

  private static final Path MAPS = Path.of("/proc/self/maps");

  @TempDir Path dir;

  @Test
  void theDriverLoadsTheJarsLibraryFromAPrivateCopy() throws Exception {
    // Which libraries this process has loaded (Linux): tells which copy the driver loaded.
    Assumptions.assumeTrue(Files.isReadable(MAPS));
    // Another test may have had the driver load a library before any store was opened.
    Assumptions.assumeFalse(Files.readString(MAPS).contains("sqlitejdbc"));

    SqliteStore.open(dir.resolve("s.db"), SqliteStore.Durability.FULL).close();

    Path lib =
        Path.of(System.getProperty(SqliteNative.PATH), System.getProperty(SqliteNative.NAME));
    assertThat(lib.getParent().getFileName().toString()).startsWith("sparring-sqlite-");
    try (InputStream shipped =
        SqliteNative.class.getResourceAsStream(
            LibraryLoaderUtil.getNativeLibResourcePath()
                + "/"
                + LibraryLoaderUtil.getNativeLibName())) {
      assertThat(Files.readAllBytes(lib)).isEqualTo(shipped.readAllBytes());
    }
    assertThat(SQLiteJDBCLoader.isNativeMode()).isTrue();
    assertThat(Files.readString(MAPS).lines().filter(l -> l.contains("sqlitejdbc")))
        .isNotEmpty()
        .allMatch(l -> l.endsWith(lib.toString()));
    // Once per process: a second store changes nothing.
    SqliteStore.open(dir.resolve("t.db"), SqliteStore.Durability.FULL).close();
    assertThat(System.getProperty(SqliteNative.PATH)).isEqualTo(lib.getParent().toString());
  }
}
