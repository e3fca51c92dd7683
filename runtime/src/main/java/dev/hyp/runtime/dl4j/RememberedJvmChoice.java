package dev.hyp.runtime.dl4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM options `hyp run` relaunched itself with, kept for the launcher's next start of the same command line
 * ({@value #SWITCH} names the file; the launcher keys it by the folder, the arguments, {@code HYP_JAVA_OPTS} and
 * its build). A search of large data otherwise starts a first JVM only to check the spec and learn the data's
 * size, then replaces it with one of the chosen options: 0.5 s of a 200 MB file's start (docs/performance.md).
 * With the file, the launcher starts the chosen JVM at once; that JVM still checks the spec and decides again
 * ({@link Dl4jEnvironment#relaunchForWork}), so an edited spec or changed data costs the relaunch, never the wrong
 * options. One option per line; written to a temporary file and moved, so a reader sees a whole file or none.
 */
public final class RememberedJvmChoice {
  /** The system property naming the file the launcher reads. */
  public static final String SWITCH = "hyp.jvm.remember";
  /** The most files kept in the file's folder; the least recently written go first. */
  static final int KEPT = 64;

  private RememberedJvmChoice() {}

  /** The file to keep the choice in, from {@value #SWITCH}; null when the launcher did not ask. */
  static Path file() {
    String file = System.getProperty(SWITCH);
    return file == null || file.isBlank() ? null : Path.of(file);
  }

  /**
   * Keeps {@code command}'s JVM options (after the java binary, before {@code -cp}) without the user's, which the
   * launcher adds itself; nothing when anything fails (the next start relaunches as this one did).
   */
  static void keep(Path file, List<String> command, List<String> user) {
    List<String> options = jvmOptions(command, user);
    if (options.isEmpty()) {
      return;
    }
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path scratch = Files.createTempFile(folder, ".choice", ".tmp");
      Files.write(scratch, options, StandardCharsets.UTF_8);
      Files.move(scratch, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      prune(folder);
    } catch (IOException | RuntimeException e) {
      // not kept: only the next start's relaunch again
    }
  }

  /** The JVM options of {@code command} (java, options, -cp, class path, main, arguments), the user's removed. */
  static List<String> jvmOptions(List<String> command, List<String> user) {
    int classPath = command.indexOf("-cp");
    List<String> options = new ArrayList<>(command.subList(1, classPath < 0 ? command.size() : classPath));
    for (String option : user) {
      int at = options.lastIndexOf(option);
      if (at >= 0) {
        options.remove(at);
      }
    }
    // a line per option: an option with a line break (a property's value) is not kept
    return options.stream().anyMatch(o -> o.contains("\n") || o.contains("\r")) ? List.of() : options;
  }

  private static void prune(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile).sorted(Comparator.comparing(RememberedJvmChoice::modified).reversed())
          .toList();
    }
    for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
