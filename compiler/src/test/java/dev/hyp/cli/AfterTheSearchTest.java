package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExperimentMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After the search, with real training on a small file: `hyp refit`, `refit = true`, a jar's
 * `refit`, `hyp freeze` / `hyp best --spec`, and a spec of one point running one trial.
 */
class AfterTheSearchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static final String SPEC = """
      experiment tiny {
        seed = 3
        data {
          source    = csv("data/t.csv", label = "y")
          split     = holdout(validation = 0.25, test = 0.25)
          normalize = standard
        }
        params {
          lr           = loguniform(1e-3, 1e-1)
          depth        = int(1, 3)
          units[depth] = choice(4, 8, 16)  // one per layer
          opt          = choice(adam, nesterovs)
          momentum     = uniform(0.5, 0.9) if opt == nesterovs
        }
        model {
          updater = opt(lr = lr, momentum = momentum)
          for i in 1..depth {
            dense(units = units[i], activation = relu)
          }
          output(activation = softmax, loss = mcxent)
        }
        train {
          epochs = 4
          batch  = 8
        }
        search random {
          trials = 4
          REFIT
        }
        objective = maximize accuracy on validation
      }
      """;

  private Path spec(String refit) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    StringBuilder rows = new StringBuilder("a,b,c,y\n");
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 80; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      rows.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", a, b, random.nextGaussian(),
          a + b > 0 ? "up" : "down"));
    }
    Files.writeString(dir.resolve("data/t.csv"), rows);
    Path file = dir.resolve("tiny.hyp");
    Files.writeString(file, SPEC.replace("REFIT", refit));
    return file;
  }

  private Path runFolder() {
    return dir.resolve("runs/tiny");
  }

  private JsonNode trials(Path runFolder) throws IOException {
    CliTest.Run listed = CliTest.hyp("trials", runFolder.toString(), "--format", "json");
    assertEquals(0, listed.exit(), listed.err());
    return JSON.readTree(listed.out());
  }

  @Test
  void refitTrainsTheBestTrialOnTrainingAndValidationAndItsModelReproducesTheTestMetrics() throws IOException {
    CliTest.Run run = CliTest.hyp("run", spec("").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertFalse(Files.exists(runFolder().resolve("final.json")), "no refit unless asked");
    JsonNode best = JSON.readTree(runFolder().resolve("best.json").toFile());

    CliTest.Run refit = CliTest.hyp("refit", runFolder().toString());
    assertEquals(0, refit.exit(), refit.out() + refit.err());
    assertTrue(refit.out().contains("refit epoch   1/"), refit.out());
    JsonNode summary = JSON.readTree(runFolder().resolve("final.json").toFile());
    assertEquals(best.path("trial").asInt(), summary.path("trial").asInt());
    assertEquals(best.path("params"), summary.path("params"));
    assertEquals(best.path("bestEpoch").asInt(), summary.path("epochs").asInt());
    assertEquals(60, summary.path("rows").asInt(), "the 80 rows but the 20 of test");
    assertEquals(1, summary.path("version").asInt());
    assertEquals(JSON.readTree(runFolder().resolve("run.json").toFile()).path("specHash").asText(),
        summary.path("fingerprint").asText());

    // the model alone gives the same test accuracy on the test rows
    ExperimentData data = ExperimentData.load(new CsvSource(dir.resolve("data/t.csv"), "y", true, ","), null,
        Task.CLASSIFICATION, new Split.Holdout(0.25, 0.25), null, 3, DataPlan.DEFAULT); // as the spec's data section
    int[] test = data.parts().get(0).test();
    SavedModel model = SavedModel.load(runFolder().resolve("final-model.zip"));
    double[][] rows = new double[test.length][];
    for (int i = 0; i < test.length; i++) {
      float[] features = data.table().features()[test[i]];
      rows[i] = new double[features.length];
      for (int j = 0; j < features.length; j++) {
        rows[i][j] = features[j];
      }
    }
    List<String> predicted = model.predictClasses(rows);
    int right = 0;
    for (int i = 0; i < test.length; i++) {
      right += predicted.get(i).equals(data.classes().get((int) data.table().labels()[test[i]])) ? 1 : 0;
    }
    assertEquals(summary.path("test").path("accuracy").asDouble(), right / (double) test.length, 1e-9);
    assertEquals(data.encoding(), model.metadata().rowEncoding());

    // the same seed rule: refitting again gives the same model's metrics
    CliTest.Run again = CliTest.hyp("refit", runFolder().toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(summary.path("test"), JSON.readTree(runFolder().resolve("final.json").toFile()).path("test"));
  }

  @Test
  void refitOfATrialThatIsNotCompleteOrOfAFolderWithoutDataSaysSoInOneLine() throws IOException {
    assertEquals(0, CliTest.hyp("run", spec("").toString()).exit());
    CliTest.Run missing = CliTest.hyp("refit", runFolder().toString(), "--trial", "99");
    assertEquals(2, missing.exit(), missing.err());
    assertTrue(missing.err().contains("trial 99") && missing.err().contains("no such trial"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());

    Files.move(dir.resolve("data"), dir.resolve("elsewhere"));
    CliTest.Run gone = CliTest.hyp("refit", runFolder().toString());
    assertEquals(2, gone.exit(), gone.err());
    assertTrue(gone.err().contains("t.csv"), gone.err());
    assertFalse(gone.err().contains("\tat "), gone.err());
    Files.createDirectories(dir.resolve("copy"));
    Files.move(dir.resolve("elsewhere"), dir.resolve("copy/data"));
    CliTest.Run moved = CliTest.hyp("refit", runFolder().toString(), "--data-dir", dir.resolve("copy").toString());
    assertEquals(0, moved.exit(), "the paths are relative to the data folder given: " + moved.err());

    Files.delete(runFolder().resolve("best.json"));
    Files.delete(runFolder().resolve("best-model.zip"));
    CliTest.Run none = CliTest.hyp("refit", runFolder().toString(), "--data-dir", dir.resolve("copy").toString());
    assertEquals(1, none.exit(), none.err());
    assertTrue(none.err().contains("no trial"), none.err());
  }

  @Test
  void refitTrueRefitsAtTheEndOfTheRunAndEditingItContinuesTheStudy() throws IOException {
    assertEquals(0, CliTest.hyp("run", spec("").toString(), "--trials", "2").exit());
    CliTest.Run run = CliTest.hyp("run", spec("refit  = true").toString(), "--trials", "3");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("hyp: version 1 continues"), run.out());
    assertTrue(run.out().contains("hyp: final model: "), run.out());
    JsonNode summary = JSON.readTree(runFolder().resolve("final.json").toFile());
    assertEquals(JSON.readTree(runFolder().resolve("best.json").toFile()).path("trial"), summary.path("trial"));
    assertTrue(summary.path("test").has("accuracy"), summary.toString());
    assertEquals(3, trials(runFolder()).size(), "the study went on: 2 trials, then 1 more");
    CliTest.Run again = CliTest.hyp("run", spec("refit  = true").toString(), "--trials", "3");
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().contains("is already the refit of trial " + summary.path("trial").asInt()), again.out());
  }

  @Test
  void aCompiledExperimentsRefitSubcommandRefitsItsRunFolder() throws Exception {
    Path file = spec("");
    assertEquals(0, CliTest.hyp("run", file.toString(), "--trials", "2").exit());
    Compiler compiler = new Compiler();
    SourceFile source = SourceFile.read(file);
    CheckResult checked = compiler.check(source);
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ExperimentMain.run(experiment, dir, new String[] {"refit", "--trial", "1"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, out + "" + err);
    assertEquals(1, JSON.readTree(runFolder().resolve("final.json").toFile()).path("trial").asInt());
    int wrong = ExperimentMain.run(experiment, dir, new String[] {"refit", "--out", dir.resolve("nothing").toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(2, wrong, err.toString());
  }

  @Test
  void aFrozenSpecChecksCleanIsCanonicalAndRunsTheChosenTrialAsOneTrial() throws IOException {
    assertEquals(0, CliTest.hyp("run", spec("").toString(), "--trials", "6").exit());
    JsonNode trials = trials(runFolder());
    for (JsonNode trial : trials) {
      if (!trial.path("state").asText().equals("complete")) {
        continue;
      }
      int number = trial.path("number").asInt();
      Path frozen = dir.resolve("frozen/trial" + number + ".hyp");
      CliTest.Run freeze = CliTest.hyp("freeze", runFolder().toString(), "--trial", String.valueOf(number), "-o",
          frozen.toString());
      assertEquals(0, freeze.exit(), freeze.err());
      CliTest.Run check = CliTest.hyp("check", frozen.toString());
      assertEquals(0, check.exit(), check.out() + check.err());
      assertFalse((check.out() + check.err()).contains("warning"), check.out() + check.err());
      assertEquals(0, CliTest.hyp("fmt", "--check", frozen.toString()).exit(), Files.readString(frozen));
      CliTest.Run run = CliTest.hyp("run", frozen.toString());
      assertEquals(0, run.exit(), run.out() + run.err());
      Path frozenRuns = dir.resolve("frozen/runs/tiny_frozen");
      JsonNode ran = trials(frozenRuns);
      assertEquals(1, ran.size(), "one point, one trial: " + ran);
      JsonNode chosen = withoutLayerOrder(trial.path("params"));
      JsonNode trained = withoutLayerOrder(ran.get(0).path("params"));
      java.util.Set<String> dropped = new java.util.TreeSet<>();
      chosen.fieldNames().forEachRemaining(dropped::add);
      String text = Files.readString(frozen);
      trained.fieldNames().forEachRemaining(name -> {
        assertEquals(chosen.path(name), trained.path(name), name + " in " + text);
        dropped.remove(name);
      });
      assertTrue(dropped.isEmpty() || dropped.equals(java.util.Set.of("depth")),
          "only a layer count whose layers are written out goes: " + dropped);
      if (number == 0) {
        assertEquals(trial.path("value").asDouble(), ran.get(0).path("value").asDouble(), 1e-12,
            "trial 0 has the seed of the frozen spec's one trial: the same value");
      }
      deleteTree(dir.resolve("frozen"));
    }
    CliTest.Run best = CliTest.hyp("best", runFolder().toString(), "--spec");
    assertEquals(0, best.exit(), best.err());
    assertTrue(best.out().startsWith("experiment tiny_frozen {"), best.out());
  }

  @Test
  void aKfoldRefitTrainsOnEveryRowAndHasNoTestMetricsWithoutTestRows() throws IOException {
    Path file = spec("");
    Files.writeString(file, Files.readString(file).replace("holdout(validation = 0.25, test = 0.25)", "kfold(4)"));
    assertEquals(0, CliTest.hyp("run", file.toString(), "--trials", "2").exit());
    CliTest.Run refit = CliTest.hyp("refit", runFolder().toString());
    assertEquals(0, refit.exit(), refit.out() + refit.err());
    assertTrue(refit.out().contains("no test rows"), refit.out());
    JsonNode summary = JSON.readTree(runFolder().resolve("final.json").toFile());
    assertEquals(80, summary.path("rows").asInt(), "every fold's rows");
    assertEquals(0, summary.path("test").size());
  }

  @Test
  void aSpecWithoutParamsRunsOneTrialWhateverTheBudget() throws IOException {
    spec("");
    Path file = dir.resolve("fixed.hyp");
    Files.writeString(file, """
        experiment fixed {
          data {
            source = csv("data/t.csv", label = "y")
          }
          model {
            dense(units = 4)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 2
          }
          objective = maximize accuracy on validation
        }
        """);
    CliTest.Run run = CliTest.hyp("run", file.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertEquals(1, trials(dir.resolve("runs/fixed")).size());
  }

  /** Per-layer values written out become `units_1` ...: compare the parameters' values by layer. */
  private static JsonNode withoutLayerOrder(JsonNode params) {
    com.fasterxml.jackson.databind.node.ObjectNode values = JSON.createObjectNode();
    params.properties().forEach(f -> values.set(f.getKey().replaceAll("\\[(\\d+)]", "_$1"), f.getValue()));
    return values;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
