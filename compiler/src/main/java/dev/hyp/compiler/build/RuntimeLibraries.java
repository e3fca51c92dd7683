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
  /** Written by the optional spark module's build: its libraries, Spark left out. */
  static final String SPARK_LISTING = "META-INF/hyp/spark-classpath.txt";
  public static final String RUNTIME_JAR = "hyp-runtime.jar";
  public static final String SPARK_JAR = "hyp-spark.jar";
  /** A class of the spark module, found by name: the compiler does not depend on that module. */
  static final String SPARK_ANCHOR = "dev.hyp.spark.SparkTrialExecutor";

  /** A library: the file name it gets in lib/, and where it is now. */
  public record Library(String fileName, Path source) {}

  private RuntimeLibraries() {}

  public static List<Library> resolve(List<Path> classpath) throws IOException {
    List<Library> libraries = new ArrayList<>();
    libraries.add(new Library(RUNTIME_JAR, location("dev.hyp.runtime.run.ExperimentMain", "hyp's runtime")));
    addListed(LISTING, classpath, libraries);
    return libraries;
  }

  /**
   * The jars of an experiment that trains on Spark (`hyp compile --spark`): hyp's runtime, its
   * spark module, and that module's libraries at the versions it pins; Spark itself is left out,
   * as the cluster provides it.
   *
   * @throws IOException when the spark module is not on this process's classpath
   */
  public static List<Library> resolveForSpark(List<Path> classpath) throws IOException {
    if (RuntimeLibraries.class.getClassLoader().getResource(SPARK_LISTING) == null) {
      throw new IOException("--spark needs hyp's spark module, which is not on hyp's classpath; ./hyp adds it "
          + "when given --spark (docs/spark.md)");
    }
    List<Library> libraries = new ArrayList<>();
    libraries.add(new Library(RUNTIME_JAR, location("dev.hyp.runtime.run.ExperimentMain", "hyp's runtime")));
    libraries.add(new Library(SPARK_JAR, location(SPARK_ANCHOR, "hyp's spark module")));
    addListed(SPARK_LISTING, classpath, libraries);
    return libraries;
  }

  private static void addListed(String listingResource, List<Path> classpath, List<Library> libraries)
      throws IOException {
    Map<String, Path> byFileName = new HashMap<>();
    for (Path entry : classpath) {
      byFileName.putIfAbsent(entry.getFileName().toString(), entry);
    }
    for (String listed : listing(listingResource)) {
      String fileName = listed.substring(listed.lastIndexOf('/') + 1);
      Path found = byFileName.get(fileName);
      if (found == null) {
        throw new IOException("the runtime needs " + fileName + ", which is not on hyp's classpath");
      }
      libraries.add(new Library(fileName, found));
    }
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

  private static Path location(String className, String what) throws IOException {
    try {
      Class<?> anchor = Class.forName(className, false, RuntimeLibraries.class.getClassLoader());
      return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (ReflectiveOperationException | LinkageError | java.net.URISyntaxException e) {
      throw new IOException("cannot find " + what + " on the classpath", e);
    }
  }

  private static List<String> listing(String resource) throws IOException {
    try (InputStream in = RuntimeLibraries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the list of libraries (" + resource + ") is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? List.of() : List.of(text.split(":"));
    }
  }
}
