package dev.hyp.compiler.build;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * javac's output for generated sources, kept in a folder between runs: `hyp run` of a spec it compiled before
 * loads the classes instead of compiling again (javac costs 0.6-0.9 s of CPU for a 100-line experiment, most of it
 * javac's own start, whatever the data's size; docs/performance.md, twelfth session). An entry is named by a
 * SHA-256 of the sources, the JDK and every class-path entry (a jar's path, size and time; a folder's files'), so
 * an edited spec, another runtime or another JDK compiles again. Anything wrong with the folder or an entry (absent,
 * unreadable, torn, a CRC that does not match) is a miss: the caller compiles, as without a cache. At most {@value
 * #ENTRIES} entries are kept, the least recently used removed first.
 */
public final class CompiledClassCache {
  static final int ENTRIES = 64;
  private static final String SUFFIX = ".classes.zip";

  private final Path folder;

  public CompiledClassCache(Path folder) {
    this.folder = folder;
  }

  /** The key of {@code sources} compiled against {@code classpath} by this JDK. */
  public static String key(List<InMemoryJavaCompiler.Source> sources, List<Path> classpath) {
    MessageDigest digest = sha256();
    update(digest, "hyp compiled classes 1");
    update(digest, System.getProperty("java.vm.version", ""));
    for (Path entry : classpath) {
      update(digest, entry.toString());
      update(digest, fingerprint(entry));
    }
    for (InMemoryJavaCompiler.Source source : sources) {
      update(digest, source.className());
      update(digest, source.text());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The classes kept under {@code key}, by binary name; empty when there are none (or they cannot be read). */
  public Optional<Map<String, byte[]>> get(String key) {
    Path file = folder.resolve(key + SUFFIX);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, byte[]> classes = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        classes.put(entry.getName(), zip.readAllBytes()); // the CRC is checked at the entry's end
      }
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis())); // recently used
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return classes.isEmpty() ? Optional.empty() : Optional.of(classes);
  }

  /** Keeps {@code classes} under {@code key}; a folder that cannot be written keeps nothing, silently. */
  public void put(String key, Map<String, byte[]> classes) {
    try {
      Files.createDirectories(folder);
      Path scratch = Files.createTempFile(folder, key, ".part");
      try {
        try (OutputStream out = Files.newOutputStream(scratch); ZipOutputStream zip = new ZipOutputStream(out)) {
          for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            zip.putNextEntry(new ZipEntry(entry.getKey()));
            zip.write(entry.getValue());
            zip.closeEntry();
          }
        }
        // whole or not at all: a run that reads it meanwhile sees the old entry or none
        Files.move(scratch, folder.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(scratch);
      }
      prune();
    } catch (IOException | RuntimeException e) {
      // a cache only: the next run compiles again
    }
  }

  /** Removes the least recently used entries beyond {@value #ENTRIES}. */
  private void prune() throws IOException {
    List<Path> entries;
    try (Stream<Path> files = Files.list(folder)) {
      entries = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList();
    }
    if (entries.size() <= ENTRIES) {
      return;
    }
    entries.stream().sorted(Comparator.comparing(CompiledClassCache::modified)).limit(entries.size() - ENTRIES)
        .forEach(f -> {
          try {
            Files.deleteIfExists(f);
          } catch (IOException e) {
            // another run removed or holds it
          }
        });
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** A jar's size and time; a folder's files' names, sizes and times (a build's classes); "" when absent. */
  private static String fingerprint(Path entry) {
    try {
      if (Files.isRegularFile(entry)) {
        return Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis();
      }
      if (Files.isDirectory(entry)) {
        StringBuilder files = new StringBuilder();
        try (Stream<Path> walk = Files.walk(entry)) {
          walk.filter(Files::isRegularFile).sorted().forEach(f -> files.append(entry.relativize(f)).append(' ')
              .append(fingerprint(f)).append('\n'));
        }
        return files.toString();
      }
    } catch (IOException | UncheckedIOException e) {
      return "unreadable " + System.nanoTime(); // never the same key twice
    }
    return "";
  }

  private static void update(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has it
    }
  }
}
