package dev.hyp.runtime.run;

import dev.hyp.runtime.experiment.ExperimentDefinition.DataDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The size in bytes of a search's data files, read before anything loads them: what
 * {@link dev.hyp.runtime.dl4j.JvmChoice} chooses the JVM's options from. Missing or unreadable
 * files count 0 (the run reports them itself); an image folder counts its files until the sum
 * passes {@code enough}, so a large one is not walked to the end.
 */
final class DataBytes {
  private DataBytes() {}

  static long of(DataDefinition data, Path directory, long enough) {
    if (data == null) {
      return 0;
    }
    long bytes = 0;
    if (data.source() != null) {
      bytes += file(directory.resolve(data.source().path()));
    }
    if (data.test() != null) {
      bytes += file(directory.resolve(data.test().path()));
    }
    if (data.images() != null) {
      bytes += folder(directory.resolve(data.images().path()), enough);
    }
    if (data.imageTest() != null) {
      bytes += folder(directory.resolve(data.imageTest().path()), enough);
    }
    return bytes;
  }

  private static long file(Path path) {
    try {
      return Files.isRegularFile(path) ? Files.size(path) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static long folder(Path path, long enough) {
    if (!Files.isDirectory(path)) {
      return 0;
    }
    long[] sum = {0};
    try (Stream<Path> files = Files.walk(path)) {
      files.takeWhile(p -> sum[0] < enough).filter(Files::isRegularFile).forEach(p -> sum[0] += file(p));
    } catch (IOException | UncheckedIOException e) {
      return sum[0];
    }
    return sum[0];
  }
}
