package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Metrics;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `hyp refit` after a tiny search of every sample (image data included): `final-model.zip`, loaded
 * alone with {@link SavedModel#load}, gives on the sample's test rows the test metrics that
 * `final.json` records; and a compiled jar's `refit` in its own JVM.
 */
class RefitSamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path runs;

  static List<Path> samples() throws Exception {
    return SamplesCheckTest.samples();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void theRefittedModelReproducesTheTestMetricsOfFinalJson(Path sample) throws Exception {
    Path out = runs.resolve(sample.getFileName().toString());
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", sample.toString(), "--trials", "3", "--max-epochs", "2",
        "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    SamplesRunTest.Run refit = SamplesRunTest.hyp("refit", out.toString());
    if (!Files.isRegularFile(out.resolve("best.json"))) {
      assertEquals(1, refit.exit(), "no complete trial: " + refit.err());
      return;
    }
    assertEquals(0, refit.exit(), refit.out() + refit.err());
    JsonNode summary = JSON.readTree(out.resolve("final.json").toFile());
    assertTrue(summary.path("epochs").asInt() >= 1 && summary.path("epochs").asInt() <= 2, summary.toString());

    Experiment<?> experiment = experiment(sample);
    ExperimentDefinition.DataDefinition spec = experiment.definition().data();
    ExperimentData data = load(experiment.definition());
    int[] test = data.parts().get(0).test();
    assertEquals(data.table().size() - test.length, summary.path("rows").asInt());
    double[][] rows = new double[test.length][];
    double[] truth = new double[test.length];
    for (int i = 0; i < test.length; i++) {
      float[] features = data.table().features()[test[i]];
      rows[i] = new double[features.length];
      for (int j = 0; j < features.length; j++) {
        rows[i][j] = features[j];
      }
      truth[i] = data.table().labels()[test[i]];
    }
    double[][] outputs = SavedModel.load(out.resolve("final-model.zip")).predict(rows);
    if (test.length == 0) {
      assertEquals(0, outputs.length, "no test rows, no outputs");
      assertTrue(summary.path("test").isMissingNode() || summary.path("test").isEmpty() || summary.path("test").isNull(),
          "no test metrics without test rows: " + summary);
      return;
    }
    Map<String, Double> metrics;
    if (data.task() == Task.CLASSIFICATION) {
      int[] labels = new int[truth.length];
      for (int i = 0; i < truth.length; i++) {
        labels[i] = (int) truth[i];
      }
      metrics = Metrics.classification(outputs, labels, data.numClasses());
    } else {
      double[] predicted = new double[outputs.length];
      for (int i = 0; i < outputs.length; i++) {
        predicted[i] = outputs[i][0];
      }
      metrics = Metrics.regression(predicted, truth);
    }
    assertTrue(!metrics.isEmpty());
    metrics.forEach((name, value) -> assertEquals(summary.path("test").path(name).asDouble(), value, 1e-6,
        name + " of " + sample));
  }

  /** The sample's data as its run read it (paths relative to samples/, the tests' folder). */
  private static ExperimentData load(ExperimentDefinition definition) {
    ExperimentDefinition.DataDefinition spec = definition.data();
    if (spec.images() != null) {
      int[] size = spec.images().size();
      return ExperimentData.loadImages(new ImageFolderSource(Path.of(spec.images().path()),
          size == null ? null : new ImageSize(size[0], size[1], size[2]), spec.images().skipUnreadable()), null,
          spec.split(), definition.seed());
    }
    ExperimentDefinition.CsvFile file = spec.source();
    return ExperimentData.load(new CsvSource(Path.of(file.path()), file.label(), file.header(), file.delimiter()),
        null, definition.task(), spec.split(), spec.image(), definition.seed(), spec.plan());
  }

  @Test
  void aCompiledJarRefitsTheRunFolderItsSearchLeft() throws Exception {
    Path build = runs.resolve("build");
    assertEquals(0, SamplesRunTest.hyp("compile", "breast_cancer.hyp", "-o", build.toString()).exit());
    Path out = runs.resolve("run");
    String search = java(build.resolve("breast_cancer.jar"), "--trials", "2", "--max-epochs", "2", "--out",
        out.toString());
    assertTrue(Files.isRegularFile(out.resolve("best.json")), search);
    String refit = java(build.resolve("breast_cancer.jar"), "refit", "--out", out.toString());
    assertTrue(refit.contains("refit epoch   1/"), refit);
    JsonNode summary = JSON.readTree(out.resolve("final.json").toFile());
    assertEquals(JSON.readTree(out.resolve("best.json").toFile()).path("trial"), summary.path("trial"));
    assertTrue(summary.path("test").has("accuracy"), summary.toString());
  }

  private static String java(Path jar, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  private static Experiment<?> experiment(Path sample) throws Exception {
    Compiler compiler = new Compiler();
    SourceFile source = SourceFile.read(sample);
    CheckResult checked = compiler.check(source);
    return compiler.load(compiler.build(checked.experiment(), source));
  }
}
