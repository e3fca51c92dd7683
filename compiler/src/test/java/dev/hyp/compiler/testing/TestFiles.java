package dev.hyp.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the files tests read: the samples beside the compiler module and the test resources. */
public final class TestFiles {
  private TestFiles() {}

  /** `samples/` of the repository; tests run with `compiler/` as the working directory. */
  public static Path samplesDirectory() {
    Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(samples), "the samples folder is missing: looked for " + samples
        + " (tests must run with the compiler module as the working directory)");
    return samples;
  }

  /** Every `samples/*.hyp`, sorted by name; fails when there are none. */
  public static List<Path> samples() {
    try (Stream<Path> files = Files.list(samplesDirectory())) {
      List<Path> samples = files.filter(p -> p.getFileName().toString().endsWith(".hyp")).sorted().toList();
      assertFalse(samples.isEmpty(), "no .hyp files in " + samplesDirectory());
      return samples;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sample as a source file named `samples/NAME.hyp`, with its real path so data checks run. */
  public static SourceFile sample(Path path) {
    return new SourceFile("samples/" + path.getFileName(), path, read(path));
  }

  /** `src/test/resources/NAME`, resolved against the module directory. */
  public static Path resource(String name) {
    Path path = Path.of("src", "test", "resources").resolve(name).toAbsolutePath().normalize();
    assertTrue(Files.exists(path), "missing test resource " + path);
    return path;
  }

  public static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
