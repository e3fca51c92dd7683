package dev.hyp.compiler.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The jars and folders this process runs from, including those a jar's manifest Class-Path
 * names (`java -jar hyp.jar` puts only hyp.jar on java.class.path). Generated code is
 * compiled against them, and `hyp compile` copies the runtime's jars from them.
 */
public final class ProcessClasspath {
  private ProcessClasspath() {}

  public static List<Path> entries() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        add(Path.of(entry).toAbsolutePath().normalize(), entries);
      }
    }
    return new ArrayList<>(entries);
  }

  private static void add(Path entry, Set<Path> entries) {
    if (!entries.add(entry) || !Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      String classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return;
      }
      for (String relative : classPath.trim().split("\\s+")) {
        Path referenced = entry.getParent().resolve(relative).normalize();
        if (Files.exists(referenced)) {
          add(referenced, entries);
        }
      }
    } catch (IOException e) {
      // an unreadable jar adds nothing beyond itself
    }
  }
}
