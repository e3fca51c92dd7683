package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.dl4j.SavedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a search, as the README shows it: `hyp predict runs/iris/best-model.zip data/iris.csv`
 * predicts what the saved model computes, and the compiled jar's `predict` writes the same file,
 * in a JVM of its own with no hyp installed.
 */
class PredictTest {
  @TempDir
  Path directory;

  @Test
  void hypPredictAndTheJarsPredictGiveTheSavedModelsPredictions() throws Exception {
    Path run = directory.resolve("run");
    SamplesRunTest.Run search = SamplesRunTest.hyp("run", "iris.hyp", "--trials", "2", "--max-epochs", "3",
        "--out", run.toString());
    assertEquals(0, search.exit(), search.out() + search.err());
    Path model = run.resolve("best-model.zip");

    Path predictions = directory.resolve("predictions.csv");
    SamplesRunTest.Run predict = SamplesRunTest.hyp("predict", model.toString(), "data/iris.csv", "-o",
        predictions.toString(), "--proba");
    assertEquals(0, predict.exit(), predict.err());
    assertTrue(predict.err().contains("hyp: against `species` (150 rows): accuracy "), predict.err());

    List<String> lines = Files.readAllLines(Path.of("data/iris.csv"));
    double[][] rows = new double[lines.size() - 1][];
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      rows[i - 1] = new double[4];
      for (int j = 0; j < 4; j++) {
        rows[i - 1][j] = Double.parseDouble(cells[j]);
      }
    }
    List<String> expected = new ArrayList<>(List.of("prediction,p_setosa,p_versicolor,p_virginica"));
    SavedModel saved = SavedModel.load(model);
    List<String> classes = saved.predictClasses(rows);
    double[][] outputs = saved.predict(rows);
    for (int i = 0; i < rows.length; i++) {
      expected.add(classes.get(i) + "," + (float) outputs[i][0] + "," + (float) outputs[i][1] + ","
          + (float) outputs[i][2]);
    }
    assertEquals(expected, Files.readAllLines(predictions));

    Path build = directory.resolve("build");
    assertEquals(0, SamplesRunTest.hyp("compile", "iris.hyp", "-o", build.toString()).exit());
    Path fromJar = directory.resolve("from-jar.csv");
    ProcessBuilder jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        build.resolve("iris.jar").toString(), "predict", model.toString(), "data/iris.csv", "-o", fromJar.toString(),
        "--proba")
        .redirectErrorStream(true);
    // this JVM's environment, as `hyp predict` above ran in it: the jar then runs as started instead of
    // relaunching itself with the recommended variables, whose OpenBLAS kernels (OpenBlasCore, on an AVX-512
    // CPU) sum the products in another order and give other last bits
    jar.environment().put("OMP_NUM_THREADS", "1");
    Process process = jar.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("hyp: 150 predictions written to " + fromJar), output);
    assertEquals(Files.readAllLines(predictions), Files.readAllLines(fromJar));

    Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        build.resolve("iris.jar").toString(), "--help").redirectErrorStream(true).start();
    String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(help.waitFor(5, TimeUnit.MINUTES), usage);
    assertEquals(0, help.exitValue(), usage);
    assertTrue(usage.contains("--trials") && usage.contains("Commands:") && usage.contains("  predict  "), usage);
  }

  @Test
  void aMistakeInHypPredictIsOneLineAndExitTwo() {
    SamplesRunTest.Run predict = SamplesRunTest.hyp("predict", "iris.hyp", "data/iris.csv");
    assertEquals(2, predict.exit());
    assertEquals("hyp: iris.hyp: not a model saved by hyp: not a zip file\n", predict.err());
    assertEquals("", predict.out());
  }
}
