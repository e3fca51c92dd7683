package dev.hyp.runtime.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary file in the same folder and an atomic rename, so that a
 * reader (or a crash) never sees half a file. The temporary file is private while it is
 * written; the result gets the permissions of the file it replaces, or rw-r--r-- when new,
 * as a file written the ordinary way would have. A temporary file is named after its process
 * ({@code .NAME.PID.RANDOM.tmp}), so one left by a killed process can be told from one another
 * live process is writing ({@link #removeAbandoned}).
 */
public final class AtomicFiles {
  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  /** Fills the temporary file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  private static final String TEMPORARY_SUFFIX = ".tmp";
  private static final long PID = ProcessHandle.current().pid();
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)\\.\\d*\\.tmp");

  private AtomicFiles() {}

  /**
   * Deletes the temporary files in {@code folder} whose process is gone (a kill mid-write leaves
   * them); those of live processes stay. Returns how many it deleted.
   */
  public static int removeAbandoned(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "." + "*" + TEMPORARY_SUFFIX)) {
      for (Path file : files) {
        Matcher name = TEMPORARY.matcher(file.getFileName().toString());
        if (name.matches() && !isAlive(Long.parseLong(name.group(1))) && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "." + PID + ".",
        TEMPORARY_SUFFIX);
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
