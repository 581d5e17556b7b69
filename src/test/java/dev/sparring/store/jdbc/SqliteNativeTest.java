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
  void theLibraryFolderIsTheDriversForCommonSystemsAndLeftToItOtherwise() {
    assertThat(SqliteNative.folder("Linux", "amd64", arch -> false))
        .isEqualTo("/org/sqlite/native/Linux/x86_64");
    assertThat(SqliteNative.folder("Linux", "aarch64", arch -> false))
        .isEqualTo("/org/sqlite/native/Linux/aarch64");
    assertThat(SqliteNative.folder("Mac OS X", "aarch64", arch -> false))
        .isEqualTo("/org/sqlite/native/Mac/aarch64");
    assertThat(SqliteNative.folder("Linux", "amd64", arch -> arch.equals("x86_64"))).isNull();
    assertThat(SqliteNative.folder("Linux", "arm", arch -> false)).isNull();
    assertThat(SqliteNative.folder("Windows 11", "amd64", arch -> false)).isNull();
    assertThat(SqliteNative.folder("FreeBSD", "amd64", arch -> false)).isNull();
    // On this machine it is the folder the driver itself works out.
    String here =
        SqliteNative.folder(
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            arch -> Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1")));
    Assumptions.assumeTrue(here != null);
    assertThat(here).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());
  }

  @Test
  void theDriverLoadsTheJarsLibraryFromAPrivateCopy() throws Exception {
    // Which libraries this process has loaded (Linux): tells which copy the driver loaded.
    Assumptions.assumeTrue(Files.isReadable(MAPS));
    // A test that used the driver before any store was opened had it load its own copy.
    Assumptions.assumeTrue(
        Files.readString(MAPS)
            .lines()
            .filter(l -> l.contains("sqlitejdbc"))
            .allMatch(l -> l.contains("/sparring-sqlite-")));

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
    assertThat(lib.getFileName().toString()).isEqualTo(LibraryLoaderUtil.getNativeLibName());
    // Once per process: a second store changes nothing.
    SqliteStore.open(dir.resolve("t.db"), SqliteStore.Durability.FULL).close();
    assertThat(System.getProperty(SqliteNative.PATH)).isEqualTo(lib.getParent().toString());
  }
}
