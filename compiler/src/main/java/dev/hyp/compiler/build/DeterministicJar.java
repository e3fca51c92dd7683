package dev.hyp.compiler.build;

import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes a jar whose bytes depend only on its entries: sorted names, one fixed timestamp,
 * the manifest first. Compiling the same spec twice gives the same jar.
 */
public final class DeterministicJar {
  /** Zip's first day, as a local time: no time zone enters the bytes. */
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final Manifest manifest = new Manifest();
  private final Map<String, byte[]> entries = new TreeMap<>();

  public DeterministicJar() {
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Created-By", "hyp");
  }

  public DeterministicJar attribute(String name, String value) {
    manifest.getMainAttributes().putValue(name, value);
    return this;
  }

  public DeterministicJar entry(String name, byte[] bytes) {
    entries.put(name, bytes);
    return this;
  }

  public Map<String, byte[]> entries() {
    return entries;
  }

  /** Writes through a temporary file, so a failed write never leaves half a jar. */
  public void write(Path jar) throws IOException {
    AtomicFiles.write(jar, temporary -> writeEntries(temporary));
  }

  private void writeEntries(Path temporary) throws IOException {
    try (OutputStream file = Files.newOutputStream(temporary); JarOutputStream out = new JarOutputStream(file)) {
      JarEntry meta = new JarEntry("META-INF/MANIFEST.MF");
      meta.setTimeLocal(EPOCH);
      out.putNextEntry(meta);
      manifest.write(out);
      out.closeEntry();
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        JarEntry jarEntry = new JarEntry(entry.getKey());
        jarEntry.setTimeLocal(EPOCH);
        out.putNextEntry(jarEntry);
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
  }
}
