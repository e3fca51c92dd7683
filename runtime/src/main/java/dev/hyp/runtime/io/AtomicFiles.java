package dev.hyp.runtime.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file through a temporary file in the same folder and an atomic rename, so that a
 * reader (or a crash) never sees half a file. The temporary file is private while it is
 * written; the result gets the permissions of the file it replaces, or rw-r--r-- when new,
 * as a file written the ordinary way would have.
 */
public final class AtomicFiles {
  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  /** Fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      content.writeTo(temporary);
      setPermissions(temporary, absolute);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void setPermissions(Path temporary, Path target) throws IOException {
    try {
      Files.setPosixFilePermissions(temporary,
          Files.exists(target) ? Files.getPosixFilePermissions(target) : READABLE);
    } catch (UnsupportedOperationException | FileSystemException notPosix) {
      // a file system without POSIX permissions keeps its own defaults
    }
  }
}
