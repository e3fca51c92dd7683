package dev.hyp.dashboard;

import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run folders under the dashboard's folder, found again at most every {@link #RESCAN_MILLIS}
 * so that a run started after the dashboard appears. A run is named by its path relative to the
 * root, with `/`; that name is only ever looked up among the folders found, never resolved as a
 * path, so no request can reach a folder outside them.
 */
final class RunFolders {
  static final long RESCAN_MILLIS = 2_000;
  /** How deep under the root run folders are looked for (samples/runs/iris is 3). */
  static final int DEPTH = 6;

  private final Path root;
  private Map<String, Path> found = Map.of();
  private long scannedAt = 0;

  RunFolders(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** Every run folder, by name, in name order. */
  synchronized Map<String, Path> all() {
    long now = System.currentTimeMillis();
    if (now - scannedAt >= RESCAN_MILLIS) {
      found = scan();
      scannedAt = now;
    }
    return found;
  }

  /** The run folder of that name, if it is one of them. */
  Optional<Path> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Path path = all().get(name);
    if (path == null) {
      synchronized (this) {
        scannedAt = 0; // a run that started since the last look
      }
      path = all().get(name);
    }
    return Optional.ofNullable(path);
  }

  private Map<String, Path> scan() {
    List<Path> runs = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          if (!dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (Files.isRegularFile(dir.resolve(RunInfo.FILE))) {
            runs.add(dir);
            return FileVisitResult.SKIP_SUBTREE; // its versions/N/run.json are its versions, not runs
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a folder we may not read is not a run we can show
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    runs.sort(Comparator.comparing(Path::toString));
    Map<String, Path> named = new LinkedHashMap<>();
    for (Path run : runs) {
      String name = root.relativize(run).toString().replace('\\', '/');
      named.put(name.isEmpty() ? "." : name, run);
    }
    return named;
  }

  /** A version's run.json: its own under versions/N/, else the folder's (a folder from before versions). */
  static RunInfo info(Path run, int version) throws IOException {
    Path folder = Versions.folder(run, version);
    return Files.isRegularFile(folder.resolve(RunInfo.FILE)) ? RunInfo.read(folder) : RunInfo.read(run);
  }
}
