package dev.hyp.compiler.build;

import dev.hyp.runtime.run.ExperimentMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a compiled experiment as a runnable jar: `DIR/NAME.jar` with its libraries in
 * `DIR/lib/` (the manifest's Class-Path), or one self-contained jar with everything inside.
 */
public final class JarPackager {
  private JarPackager() {}

  /** @return the jar written */
  public static Path write(ExperimentBuild.Compiled compiled, Path directory, Path specDirectory,
      List<RuntimeLibraries.Library> libraries, boolean fat) throws IOException {
    return write(compiled, directory, specDirectory, libraries, fat, null);
  }

  /**
   * @param executor the trial executor the jar trains with by default (its manifest's
   *     Hyp-Trial-Executor: {@code spark} for `hyp compile --spark`), or null for threads
   * @return the jar written
   */
  public static Path write(ExperimentBuild.Compiled compiled, Path directory, Path specDirectory,
      List<RuntimeLibraries.Library> libraries, boolean fat, String executor) throws IOException {
    Files.createDirectories(directory);
    DeterministicJar jar = new DeterministicJar()
        .attribute("Main-Class", compiled.mainClass())
        .attribute("Hyp-Spec-Sha256", compiled.specHash())
        .attribute("Hyp-Spec-Directory", specDirectory.toAbsolutePath().normalize().toString());
    if (executor != null) {
      jar.attribute(ExperimentMain.EXECUTOR_ATTRIBUTE, executor);
    }
    if (fat) {
      Map<String, StringBuilder> services = new TreeMap<>();
      for (RuntimeLibraries.Library library : libraries) {
        addContents(library.source(), jar, services);
      }
      services.forEach((name, text) -> jar.entry(name, text.toString().getBytes(StandardCharsets.UTF_8)));
    } else {
      jar.attribute("Class-Path", libraries.stream().map(l -> "lib/" + l.fileName()).collect(Collectors.joining(" ")));
      RuntimeLibraries.copy(libraries, directory.resolve("lib"));
    }
    compiled.entries().forEach(jar::entry);
    Path target = directory.resolve(compiled.name() + ".jar");
    jar.write(target);
    return target;
  }

  /**
   * A library's entries into the fat jar: signatures and manifests dropped (they would not match),
   * service files concatenated (ND4J finds its native backend as a service), first copy of anything else kept.
   */
  private static void addContents(Path library, DeterministicJar jar, Map<String, StringBuilder> services)
      throws IOException {
    if (Files.isDirectory(library)) {
      try (Stream<Path> files = Files.walk(library)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          add(library.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file), jar, services);
        }
      }
      return;
    }
    try (InputStream in = Files.newInputStream(library); JarInputStream entries = new JarInputStream(in)) {
      for (JarEntry entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
        if (!entry.isDirectory()) {
          add(entry.getName(), entries.readAllBytes(), jar, services);
        }
      }
    }
  }

  private static void add(String name, byte[] bytes, DeterministicJar jar, Map<String, StringBuilder> services) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    if (upper.equals("META-INF/MANIFEST.MF") || upper.startsWith("META-INF/") && (upper.endsWith(".SF")
        || upper.endsWith(".DSA") || upper.endsWith(".RSA") || upper.endsWith(".EC"))) {
      return;
    }
    if (name.startsWith("META-INF/services/")) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      services.computeIfAbsent(name, k -> new StringBuilder()).append(text.endsWith("\n") ? text : text + "\n");
      return;
    }
    jar.entries().putIfAbsent(name, bytes);
  }
}
