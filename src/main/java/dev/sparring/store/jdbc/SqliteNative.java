package dev.sparring.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, copied out of the jar for the driver to load. The driver would extract
 * it itself, but then compares the copy with the jar's byte by byte, which costs a third of a
 * second of start-up; here it is one stream copy into a new private temporary folder (removed at
 * exit), which the driver is pointed at ({@code org.sqlite.lib.path}). Anything unexpected leaves
 * the driver to its own way.
 */
final class SqliteNative {

  static final String PATH = "org.sqlite.lib.path";
  static final String NAME = "org.sqlite.lib.name";

  private static boolean prepared;

  private SqliteNative() {}

  /** Copies the library out once per process, unless a library path is set already. */
  static synchronized void prepare() {
    if (prepared || System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      prepared = true;
      return;
    }
    prepared = true;
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
      if (in == null) {
        return;
      }
      Path dir = Files.createTempDirectory("sparring-sqlite-");
      dir.toFile().deleteOnExit();
      Path lib = dir.resolve(name);
      // Registered after the folder, so deleted before it.
      lib.toFile().deleteOnExit();
      Files.copy(in, lib);
      System.setProperty(NAME, name);
      System.setProperty(PATH, dir.toString());
    } catch (IOException | RuntimeException e) {
      // The driver extracts the library itself.
    }
  }
}
