package dev.hyp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp run --spark local[2]`: real DL4J trials as Spark tasks give the same trials as the
 * run's threads (same parameters per trial number, same values, same curves: training is
 * seeded), keep the best model on the driver, and survive a failing trial.
 */
class SparkRunTest {
  @TempDir
  static Path dir;

  record Run(int exit, String out, String err) {}


  static Run hyp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void data() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.copy(Path.of("../samples/data/iris.csv"), dir.resolve("data/iris.csv"));
  }

  static Path spec(String name, String params, String search, String updater) throws Exception {
    return spec(dir, name, params, search, updater);
  }

  /** A tiny iris spec in {@code dir}, whose data/iris.csv the caller provides. */
  static Path spec(Path dir, String name, String params, String search, String updater) throws Exception {
    Path spec = dir.resolve(name + ".hyp");
    Files.writeString(spec, """
        experiment %s {
          seed = 7
          data {
            source    = csv("data/iris.csv", label = "species")
            split     = holdout(validation = 0.2, test = 0.1)
            normalize = standard
          }
          params {
        %s
          }
          model {
            updater = %s(lr = lr)
            dense(units = units, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 2
            batch  = 32
          }
          search %s
          objective = maximize accuracy on validation
        }
        """.formatted(name, params, updater, search));
    return spec;
  }

  static JsonNode trials(Path out) throws Exception {
    Run trials = hyp("trials", out.toString(), "--format", "json");
    assertEquals(0, trials.exit(), trials.err());
    return new ObjectMapper().readTree(trials.out());
  }

  private static void assertSameTrials(Path spec, int count) throws Exception {
    Path threads = dir.resolve(spec.getFileName() + "-threads");
    Path spark = dir.resolve(spec.getFileName() + "-spark");
    Run onThreads = hyp("run", spec.toString(), "--out", threads.toString());
    assertEquals(0, onThreads.exit(), onThreads.out() + onThreads.err());
    Run onSpark = hyp("run", spec.toString(), "--spark", "local[2]", "--out", spark.toString());
    assertEquals(0, onSpark.exit(), onSpark.out() + onSpark.err());
    assertTrue(onSpark.out().contains("hyp: training on Spark local[2]"), onSpark.out());

    JsonNode expected = trials(threads);
    JsonNode actual = trials(spark);
    assertEquals(count, actual.size(), actual.toString());
    for (int i = 0; i < count; i++) {
      JsonNode e = expected.get(i);
      JsonNode a = actual.get(i);
      assertEquals("complete", a.get("state").asText(), a.toString());
      assertEquals(e.get("number"), a.get("number"));
      assertEquals(e.get("params"), a.get("params"), "params of trial " + i);
      assertEquals(e.get("value"), a.get("value"), "value of trial " + i);
      assertEquals(e.get("intermediate"), a.get("intermediate"), "curve of trial " + i);
    }
    JsonNode bestThreads = new ObjectMapper().readTree(threads.resolve("best.json").toFile());
    JsonNode bestSpark = new ObjectMapper().readTree(spark.resolve("best.json").toFile());
    // ties on accuracy go to the lower validation loss, then the earlier trial, whichever finished first
    assertEquals(bestThreads.get("value"), bestSpark.get("value"));
    assertEquals(bestThreads.get("trial"), bestSpark.get("trial"), "the same best trial on Spark as on threads");
    assertEquals(bestThreads.get("validationLoss"), bestSpark.get("validationLoss"));
    int bestTrial = bestSpark.get("trial").asInt();
    assertEquals(bestSpark.get("value"), actual.get(bestTrial).get("value"));
    assertEquals(expected.get(bestTrial).get("value"), bestSpark.get("value"));
    // the model the driver kept is that trial's, trained on the executor
    assertEquals(bestTrial,
        dev.hyp.runtime.dl4j.SavedModel.load(spark.resolve("best-model.zip")).metadata().extra().get("trial"));
  }

  @Test
  void gridOnSparkGivesTheSameTrialsAsThreads() throws Exception {
    Path spec = spec("gridiris", """
            lr    = choice(0.01, 0.1)
            units = choice(8, 16)
        """, "grid {\n    trials = 4\n    parallel = 2\n  }", "adam");
    assertSameTrials(spec, 4);
  }

  @Test
  void aTieOnAccuracyGoesToTheSameTrialOnSparkAsOnThreads() throws Exception {
    // trials 3 and 4 tie at the best accuracy (26 of 30 validation rows); 4, the later, has the lower loss
    Path spec = spec("tiediris", """
            lr    = choice(0.01, 0.03, 0.1)
            units = choice(8, 16)
        """, "grid {\n    trials = 5\n    parallel = 2\n  }", "adam");
    assertSameTrials(spec, 5);
    JsonNode trials = trials(dir.resolve(spec.getFileName() + "-spark"));
    assertEquals(trials.get(3).get("value"), trials.get(4).get("value"), "the tie this test is about");
    for (String side : new String[] {"-threads", "-spark"}) {
      JsonNode best = new ObjectMapper().readTree(dir.resolve(spec.getFileName() + side).resolve("best.json").toFile());
      assertEquals(4, best.get("trial").asInt(), side + ": " + best);
    }
  }

  @Test
  void randomOnSparkGivesTheSameTrialsAsThreads() throws Exception {
    Path spec = spec("randomiris", """
            lr    = loguniform(1e-3, 1e-1)
            units = int(4, 16)
        """, "random {\n    trials = 4\n    parallel = 2\n  }", "adam");
    assertSameTrials(spec, 4);
  }

  @Test
  void aTrialWhoseTrainingFailsIsRecordedAndTheRunGoesOn() throws Exception {
    // sgd with lr = 1e12 blows the loss up to NaN or infinity: that trial fails, the others complete
    Path spec = spec("failiris", """
            lr    = choice(0.01, 1e12, 0.05)
            units = choice(8)
        """, "grid {\n    trials = 3\n    parallel = 2\n  }", "sgd");
    Path out = dir.resolve("fail-spark");
    Run run = hyp("run", spec.toString(), "--spark", "local[2]", "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    JsonNode rows = trials(out);
    assertEquals(3, rows.size(), rows.toString());
    int failed = 0;
    for (JsonNode row : rows) {
      if (row.get("params").get("lr").asDouble() == 1e12) {
        assertEquals("failed", row.get("state").asText(), row.toString());
        assertTrue(row.get("reason").asText().contains("loss became"), row.toString());
        failed++;
      } else {
        assertEquals("complete", row.get("state").asText(), row.toString());
      }
    }
    assertEquals(1, failed);
    assertTrue(run.out().contains("2 complete, 0 pruned, 1 failed"), run.out());
  }

  @Test
  void hypRunRefusesAClusterMasterBeforeConnecting() throws Exception {
    // classes compiled in memory cannot reach executors in other JVMs: say so, and use a jar
    Path spec = spec("clusteriris", """
            lr    = choice(0.01)
            units = choice(8)
        """, "grid {\n    trials = 1\n  }", "adam");
    Run run = hyp("run", spec.toString(), "--spark", "spark://127.0.0.1:1", "--out", dir.resolve("cluster").toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("hyp: cannot start Spark at spark://127.0.0.1:1: the experiment was compiled in "
        + "memory"), run.err());
    assertTrue(run.err().contains("hyp compile --spark, then spark-submit"), run.err());
  }
}
