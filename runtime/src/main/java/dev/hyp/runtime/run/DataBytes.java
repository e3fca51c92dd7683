package dev.hyp.runtime.run;

import dev.hyp.runtime.experiment.ExperimentDefinition.DataDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    List<String> files = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    if (data.source() != null) {
      files.add(data.source().path());
    }
    if (data.test() != null) {
      files.add(data.test().path());
    }
    if (data.images() != null) {
      folders.add(data.images().path());
    }
    if (data.imageTest() != null) {
      folders.add(data.imageTest().path());
    }
    return of(directory, files, folders, enough);
  }

  /** The bytes of {@code files} and of those in {@code folders}, each as the spec writes it, in {@code directory}. */
  static long of(Path directory, List<String> files, List<String> folders, long enough) {
    long bytes = 0;
    for (String file : files) {
      bytes += file(directory.resolve(file));
    }
    for (String folder : folders) {
      bytes += folder(directory.resolve(folder), enough);
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
