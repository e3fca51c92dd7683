package dev.hyp.compiler.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system (tmpfs) mounted on a folder, for tests of a full disk and a read-only
 * folder. Needs the right to mount (root, as on CI); {@link #mount} returns null where there is none.
 */
public final class SmallFileSystem implements AutoCloseable {
  private final Path mountPoint;

  private SmallFileSystem(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code kilobytes} on {@code mountPoint} (created), or returns null when mounting is not allowed. */
  public static SmallFileSystem mount(Path mountPoint, int kilobytes) throws Exception {
    Files.createDirectories(mountPoint);
    if (!run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", mountPoint.toString())) {
      return null;
    }
    return new SmallFileSystem(mountPoint);
  }

  public Path path() {
    return mountPoint;
  }

  /** Makes the whole file system read-only (even root cannot write to it then). */
  public void makeReadOnly() throws Exception {
    if (!run("mount", "-o", "remount,ro", mountPoint.toString())) {
      throw new IOException("cannot remount " + mountPoint + " read-only");
    }
  }

  /** Fills what is left of the file system with one file, which {@link #freeUp} removes. */
  public void fill() throws IOException {
    byte[] block = new byte[4096];
    try (var out = Files.newOutputStream(mountPoint.resolve("filler"))) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // No space left on device: the point
    }
  }

  public void freeUp() throws IOException {
    Files.deleteIfExists(mountPoint.resolve("filler"));
  }

  @Override
  public void close() throws Exception {
    run("umount", "-l", mountPoint.toString());
  }

  private static boolean run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
