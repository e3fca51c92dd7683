package dev.hyp.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/** The specs of a project: every `.hyp` file under its spec folder, in a stable order. */
final class Specs {
  private Specs() {}

  /** Empty when the folder does not exist (a module without specs). */
  static List<Path> under(Path directory) throws MojoExecutionException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".hyp"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list the specs in " + directory + ": " + e.getMessage(), e);
    }
  }
}
