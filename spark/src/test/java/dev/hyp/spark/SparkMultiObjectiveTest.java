package dev.hyp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.spark.SparkRunTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/iris_small.hyp (accuracy against `params` under `params <= 1000`, motpe) on `--spark
 * local[2]` gives the trials the run's threads give: the same parameters, a value per objective,
 * the same verdicts, a trial over the limit decided on the driver with no training, and so the
 * same Pareto front, whose models the driver keeps with `--keep front`.
 */
class SparkMultiObjectiveTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void severalObjectivesAndALimitOnSparkGiveTheTrialsAndFrontOfThreads() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.copy(Path.of("../samples/data/iris.csv"), dir.resolve("data/iris.csv"));
    Path spec = dir.resolve("iris_small.hyp");
    Files.copy(Path.of("../samples/iris_small.hyp"), spec);
    Path threads = dir.resolve("threads");
    Path spark = dir.resolve("spark");
    Run onThreads = SparkRunTest.hyp("run", spec.toString(), "--trials", "8", "--max-epochs", "2", "--keep", "front",
        "--out", threads.toString());
    assertEquals(0, onThreads.exit(), onThreads.out() + onThreads.err());
    Run onSpark = SparkRunTest.hyp("run", spec.toString(), "--trials", "8", "--max-epochs", "2", "--keep", "front",
        "--spark", "local[2]", "--out", spark.toString());
    assertEquals(0, onSpark.exit(), onSpark.out() + onSpark.err());
    assertTrue(onSpark.out().contains("hyp: training on Spark local[2]"), onSpark.out());

    JsonNode expected = SparkRunTest.trials(threads);
    JsonNode actual = SparkRunTest.trials(spark);
    assertEquals(8, actual.size(), actual.toString());
    int infeasible = 0;
    for (int i = 0; i < 8; i++) {
      JsonNode e = expected.get(i);
      JsonNode a = actual.get(i);
      assertEquals(e.get("params"), a.get("params"), "params of trial " + i);
      assertEquals(e.get("state"), a.get("state"), "state of trial " + i + ": " + a);
      assertEquals(e.get("objectives"), a.get("objectives"), "every objective of trial " + i);
      assertEquals(e.get("reason"), a.get("reason"), "verdict of trial " + i);
      assertEquals(e.get("intermediate"), a.get("intermediate"), "curve of trial " + i);
      if (a.get("state").asText().equals("infeasible")) {
        infeasible++;
        assertEquals(0, a.get("epochs").asInt(), "decided on the driver, never trained: " + a);
        assertTrue(a.get("reason").asText().startsWith("infeasible before training: params "), a.toString());
      }
    }
    assertTrue(infeasible >= 1, "the space reaches past the limit: " + actual);

    JsonNode frontThreads = JSON.readTree(SparkRunTest.hyp("best", threads.toString(), "--format", "json").out());
    Run best = SparkRunTest.hyp("best", spark.toString(), "--format", "json");
    assertEquals(0, best.exit(), best.err());
    JsonNode frontSpark = JSON.readTree(best.out());
    assertEquals(numbers(frontThreads.get("pareto").get("front")), numbers(frontSpark.get("pareto").get("front")),
        "the same front: " + frontSpark);
    assertEquals(frontThreads.get("value"), frontSpark.get("value"));
    assertFalse(frontSpark.get("pareto").get("front").isEmpty());
    for (JsonNode trial : frontSpark.get("pareto").get("front")) {
      Path model = Path.of(trial.get("model").asText()); // trained on the executor, kept on the driver
      assertEquals(trial.get("trial").asInt(), ((Number) SavedModel.load(model).metadata().extra().get("trial"))
          .intValue());
    }
    assertEquals(frontSpark.get("trial").asInt(), frontSpark.get("pareto").get("picked").asInt(),
        "best-model.zip is the pick: " + frontSpark);
  }

  private static String numbers(JsonNode front) {
    StringBuilder out = new StringBuilder();
    front.forEach(t -> out.append(t.get("trial").asInt()).append(' '));
    return out.toString();
  }
}
