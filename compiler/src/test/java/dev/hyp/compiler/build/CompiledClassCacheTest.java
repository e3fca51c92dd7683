package dev.hyp.compiler.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.check.Checker;
import dev.hyp.compiler.parse.SpecParser;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** javac's output kept between runs: taken back whole, keyed by sources, JDK and class path, anything torn a miss. */
class CompiledClassCacheTest {
  @TempDir
  Path dir;

  private static final List<InMemoryJavaCompiler.Source> SOURCES = List.of(
      new InMemoryJavaCompiler.Source("a.A", "package a; public class A {}"));

  @Test
  void whatIsPutIsTakenBackByteForByte() {
    CompiledClassCache cache = new CompiledClassCache(dir.resolve("cache"));
    assertTrue(cache.get("k").isEmpty(), "nothing before");
    cache.put("k", Map.of("a.A", new byte[] {1, 2, 3}, "a.B", new byte[0]));
    Map<String, byte[]> kept = cache.get("k").orElseThrow();
    assertEquals(2, kept.size());
    assertArrayEquals(new byte[] {1, 2, 3}, kept.get("a.A"));
    assertArrayEquals(new byte[0], kept.get("a.B"));
  }

  @Test
  void aTornOrCorruptEntryIsAMiss() throws IOException {
    CompiledClassCache cache = new CompiledClassCache(dir);
    byte[] random = new byte[4096];
    new java.util.Random(1).nextBytes(random); // incompressible: the entry's bytes are most of the file
    cache.put("k", Map.of("a.A", random));
    Path file = dir.resolve("k.classes.zip");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertTrue(cache.get("k").isEmpty(), "torn");
    cache.put("k", Map.of("a.A", random));
    bytes = Files.readAllBytes(file);
    bytes[bytes.length / 3] ^= 0x55; // inside the stored bytes: the CRC no longer matches
    Files.write(file, bytes);
    assertTrue(cache.get("k").isEmpty(), "corrupt");
  }

  @Test
  void anUnwritableFolderKeepsNothingAndSaysNothing() throws IOException {
    Path file = Files.writeString(dir.resolve("a file"), "x");
    CompiledClassCache cache = new CompiledClassCache(file.resolve("cache"));
    cache.put("k", Map.of("a.A", new byte[1]));
    assertTrue(cache.get("k").isEmpty());
  }

  @Test
  void theLeastRecentlyUsedEntriesGoBeyondTheLimit() throws IOException {
    CompiledClassCache cache = new CompiledClassCache(dir);
    for (int i = 0; i < CompiledClassCache.ENTRIES; i++) {
      cache.put("k" + i, Map.of("a.A", new byte[] {(byte) i}));
      Files.setLastModifiedTime(dir.resolve("k" + i + ".classes.zip"), FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    cache.get("k0"); // used now: the newest
    cache.put("new", Map.of("a.A", new byte[1]));
    assertEquals(CompiledClassCache.ENTRIES, entries());
    assertTrue(cache.get("k0").isPresent(), "just used");
    assertTrue(cache.get("k1").isEmpty(), "the oldest went");
    assertTrue(cache.get("new").isPresent());
  }

  @Test
  void theKeyChangesWithTheSourcesAndWithAClassPathJar() throws IOException {
    Path jar = Files.write(dir.resolve("lib.jar"), new byte[] {1});
    Path folder = Files.createDirectories(dir.resolve("classes"));
    Files.write(folder.resolve("X.class"), new byte[] {1});
    String key = CompiledClassCache.key(SOURCES, List.of(jar, folder));
    assertEquals(key, CompiledClassCache.key(SOURCES, List.of(jar, folder)), "the same inputs, the same key");
    assertNotEquals(key, CompiledClassCache.key(List.of(new InMemoryJavaCompiler.Source("a.A",
        "package a; public class A { int x; }")), List.of(jar, folder)), "another source");
    Files.write(jar, new byte[] {1, 2});
    String rebuilt = CompiledClassCache.key(SOURCES, List.of(jar, folder));
    assertNotEquals(key, rebuilt, "a rebuilt jar");
    Files.write(folder.resolve("Y.class"), new byte[] {1});
    assertNotEquals(rebuilt, CompiledClassCache.key(SOURCES, List.of(jar, folder)), "a class more in a folder");
  }

  @Test
  void aBuildWithTheCacheCompilesOnceAndThenLoadsTheSameClasses() throws IOException {
    Path sample = TestFiles.samples().stream().filter(p -> p.getFileName().toString().equals("iris.hyp"))
        .findFirst().orElseThrow();
    SourceFile source = TestFiles.sample(sample);
    CheckResult checked = new Checker().check(new SpecParser().parse(source));
    List<Path> classpath = ProcessClasspath.entries();
    Path folder = dir.resolve("cache");
    ExperimentBuild.Compiled first = new ExperimentBuild(new CompiledClassCache(folder))
        .build(checked.experiment(), source, classpath);
    assertEquals(1, Files.list(folder).count(), "javac's output kept");
    ExperimentBuild.Compiled second = new ExperimentBuild(new CompiledClassCache(folder))
        .build(checked.experiment(), source, classpath);
    ExperimentBuild.Compiled javac = new ExperimentBuild().build(checked.experiment(), source, classpath);
    assertEquals(javac.entries().keySet(), second.entries().keySet());
    javac.entries().forEach((name, bytes) -> assertArrayEquals(bytes, second.entries().get(name), name));
    javac.entries().forEach((name, bytes) -> assertArrayEquals(bytes, first.entries().get(name), name));
    // the second build took them from the cache: an entry replaced there is what it would load
    Path entry;
    try (Stream<Path> files = Files.list(folder)) {
      entry = files.findFirst().orElseThrow();
    }
    String key = entry.getFileName().toString().replace(".classes.zip", "");
    new CompiledClassCache(folder).put(key, Map.of("marker", new byte[] {42}));
    assertTrue(new ExperimentBuild(new CompiledClassCache(folder)).build(checked.experiment(), source, classpath)
        .entries().containsKey("marker.class"));
    assertFalse(javac.entries().containsKey("marker.class"));
  }

  private long entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".classes.zip")).count();
    }
  }
}
