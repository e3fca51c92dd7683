package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp compile samples/iris.hyp -o DIR && java -jar DIR/iris.jar --trials 2`, as the README
 * shows it: a real JVM runs real trials, and `hyp trials` reads what it left.
 */
class CompiledJarTest {
  @TempDir
  Path directory;

  @Test
  void theCompiledJarRunsTrialsThatHypTrialsReads() throws Exception {
    Path build = directory.resolve("build");
    SamplesRunTest.Run compile = SamplesRunTest.hyp("compile", "iris.hyp", "-o", build.toString(), "--emit-sources");
    assertEquals(0, compile.exit(), compile.err());
    Path jar = build.resolve("iris.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals("hyp.generated.iris.IrisExperiment", file.getManifest().getMainAttributes().getValue("Main-Class"));
      assertEquals(Files.readString(Path.of("iris.hyp")),
          new String(file.getInputStream(file.getEntry("META-INF/hyp/spec.hyp")).readAllBytes(), StandardCharsets.UTF_8));
      for (String library : file.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
        assertTrue(Files.isRegularFile(build.resolve(library)), library);
      }
    }
    assertTrue(Files.isRegularFile(build.resolve("src/hyp/generated/iris/IrisParams.java")));

    Path out = directory.resolve("run");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "--trials", "2", "--max-epochs", "2", "--out", out.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("trial   0"), output);

    SamplesRunTest.Run trials = SamplesRunTest.hyp("trials", out.toString(), "--format", "json");
    JsonNode rows = new ObjectMapper().readTree(trials.out());
    assertEquals(2, rows.size(), trials.out());
  }

  @Test
  void compilingTwiceGivesTheSameJar() throws IOException {
    List<byte[]> jars = new ArrayList<>();
    for (String name : List.of("one", "two")) {
      Path build = directory.resolve(name);
      assertEquals(0, SamplesRunTest.hyp("compile", "breast_cancer.hyp", "-o", build.toString()).exit());
      jars.add(Files.readAllBytes(build.resolve("breast_cancer.jar")));
    }
    assertArrayEquals(jars.get(0), jars.get(1));
  }
}
