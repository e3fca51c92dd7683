package dev.hyp.runtime.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lock on a folder held by one thread of one process at a time: an OS file lock on a file in
 * it (so other processes on the same folder wait) taken under a JVM-wide monitor for that file
 * (file locks are per process, so threads of one process must queue before it).
 */
public final class FolderLock {
  private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  /** What runs while the lock is held. */
  @FunctionalInterface
  public interface Locked<T> {
    T run() throws IOException;
  }

  private FolderLock() {}

  /** Runs {@code action} holding the lock that {@code lockFile} (created if missing) stands for. */
  public static <T> T holding(Path lockFile, Locked<T> action) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    synchronized (MONITORS.computeIfAbsent(key, k -> new Object())) {
      try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return action.run();
      }
    }
  }
}
