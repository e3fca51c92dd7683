package dev.hyp.compiler.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The jars a compiled experiment needs at run time: hyp's runtime and the libraries it lists
 * in `META-INF/hyp/runtime-classpath.txt` (written by its build), found on this process's
 * classpath. When the runtime itself is a folder of classes (in hyp's own build), it is
 * packed into a jar first.
 */
public final class RuntimeLibraries {
  static final String LISTING = "META-INF/hyp/runtime-classpath.txt";
  public static final String RUNTIME_JAR = "hyp-runtime.jar";

  /** A library: the file name it gets in lib/, and where it is now. */
  public record Library(String fileName, Path source) {}

  private RuntimeLibraries() {}

  public static List<Library> resolve(List<Path> classpath) throws IOException {
    Map<String, Path> byFileName = new HashMap<>();
    for (Path entry : classpath) {
      byFileName.putIfAbsent(entry.getFileName().toString(), entry);
    }
    List<Library> libraries = new ArrayList<>();
    libraries.add(new Library(RUNTIME_JAR, runtimeLocation()));
    for (String listed : listing()) {
      String fileName = listed.substring(listed.lastIndexOf('/') + 1);
      Path found = byFileName.get(fileName);
      if (found == null) {
        throw new IOException("the runtime needs " + fileName + ", which is not on hyp's classpath");
      }
      libraries.add(new Library(fileName, found));
    }
    return libraries;
  }

  /** Copies the libraries into {@code directory}, packing a folder of classes into a jar. */
  public static void copy(List<Library> libraries, Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Library library : libraries) {
      Path target = directory.resolve(library.fileName());
      if (Files.isDirectory(library.source())) {
        packFolder(library.source(), target);
      } else if (!Files.exists(target) || Files.size(target) != Files.size(library.source())) {
        Files.copy(library.source(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Every entry of every library, for a fat jar (folders walked, jars opened). */
  static void packFolder(Path folder, Path jar) throws IOException {
    DeterministicJar out = new DeterministicJar();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (!name.equals("META-INF/MANIFEST.MF")) {
          out.entry(name, Files.readAllBytes(file));
        }
      }
    }
    out.write(jar);
  }

  private static Path runtimeLocation() throws IOException {
    try {
      Class<?> anchor = Class.forName("dev.hyp.runtime.experiment.ExperimentMain");
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
      throw new IOException("cannot find hyp's runtime on the classpath", e);
    }
  }

  private static List<String> listing() throws IOException {
    try (InputStream in = RuntimeLibraries.class.getClassLoader().getResourceAsStream(LISTING)) {
      if (in == null) {
        throw new IOException("the runtime's list of libraries (" + LISTING + ") is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? List.of() : List.of(text.split(":"));
    }
  }
}
