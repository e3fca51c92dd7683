package dev.hyp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp compile --spark` gives one jar with hyp's Spark module and DL4J inside and Spark left
 * out, and spark-submit runs it: Spark's launcher (what the spark-submit script starts) in its own
 * JVM, with only Spark's libraries on its classpath, as a Spark distribution has them, on a
 * `local-cluster` master: a standalone master and workers whose executors are JVMs of their own,
 * so the jar, the data files and the trials travel as they do on a real cluster.
 */
class SparkSubmitTest {
  @TempDir
  Path dir;

  @Test
  void theCompiledJarRunsUnderSparkSubmit() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.copy(Path.of("../samples/data/iris.csv"), dir.resolve("data/iris.csv"));
    Path spec = SparkRunTest.spec(dir, "submitted", """
            lr    = choice(0.01, 0.1)
            units = choice(8, 16)
        """, "grid {\n    trials = 4\n    parallel = 2\n  }", "adam");
    SparkRunTest.Run compiled = SparkRunTest.hyp("compile", spec.toString(), "--spark", "-o", dir.resolve("build").toString());
    assertEquals(0, compiled.exit(), compiled.out() + compiled.err());
    assertTrue(compiled.out().contains("run it with: spark-submit"), compiled.out());
    Path jar = dir.resolve("build/submitted.jar");

    try (JarFile j = new JarFile(jar.toFile())) {
      assertNull(j.getEntry("org/apache/spark/SparkContext.class"), "Spark is left out");
      assertNotNull(j.getEntry("dev/hyp/spark/SparkTrialExecutor.class"));
      assertNotNull(j.getEntry("dev/hyp/runtime/run/ExperimentMain.class"));
      assertNotNull(j.getEntry("org/deeplearning4j/nn/multilayer/MultiLayerNetwork.class"));
      assertEquals("spark", j.getManifest().getMainAttributes().getValue("Hyp-Trial-Executor"));
      String services = new String(j.getInputStream(j.getEntry("META-INF/services/dev.hyp.runtime.executor.TrialExecutor"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(services.contains("dev.hyp.spark.SparkTrialExecutor"), services);
      assertTrue(j.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA)")), "no signatures");
    }

    Path out = dir.resolve("run");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", sparkDistribution(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local-cluster[2,1,1024]", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
        jar.toString(), "--trials", "2", "--out", out.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // the workers start executors from SPARK_HOME/jars, as in a Spark distribution
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
    for (String entry : sparkDistribution().split(File.pathSeparator)) {
      Path jarFile = Path.of(entry);
      Files.createSymbolicLink(sparkHome.resolve(jarFile.getFileName()), jarFile);
    }
    builder.environment().put("SPARK_HOME", sparkHome.getParent().toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("OMP_NUM_THREADS", "1");
    Path log = dir.resolve("submit.log");
    Process process = builder.redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(3, TimeUnit.MINUTES), "spark-submit finished");
    String output = Files.readString(log);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("hyp: training on Spark local-cluster[2,1,1024] (2 cores)"), output);
    // the executors were processes of their own: the workers kept their logs under SPARK_HOME/work
    try (var files = Files.walk(sparkHome.getParent().resolve("work"))) {
      List<Path> executorLogs = files.filter(f -> f.getFileName().toString().equals("stderr")).toList();
      assertEquals(2, executorLogs.size(), executorLogs.toString());
    }

    SparkRunTest.Run trials = SparkRunTest.hyp("trials", out.toString(), "--format", "json");
    JsonNode rows = new ObjectMapper().readTree(trials.out());
    assertEquals(2, rows.size(), trials.out());
    for (JsonNode row : rows) {
      assertEquals("complete", row.get("state").asText(), row.toString());
      assertEquals(2, row.get("epochs").asInt());
    }
    assertTrue(Files.isRegularFile(out.resolve("best-model.zip")));
  }

  /**
   * Spark's jars, as a distribution's jars/ folder holds them: this test's classpath without
   * hyp's own classes and the libraries only hyp needs (DL4J, ND4J, picocli, SQLite...), which
   * must come from the application's jar.
   */
  private static String sparkDistribution() {
    List<String> hypOnly = List.of("/dev/hyp/", "/org/deeplearning4j/", "/org/nd4j/", "/org/bytedeco/",
        "/info/picocli/", "/org/xerial/", "/com/palantir/", "/org/antlr/", "/commons-csv/", "/org/junit/",
        "/org/opentest4j/", "/org/apiguardian/", "/surefire", "/hyp-");
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar"))
        .filter(e -> hypOnly.stream().noneMatch(e.replace('\\', '/')::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
