package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.samples.SamplesRunTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/iris_small.hyp with real DL4J training and a `pick` rule in the spec: every Pareto-front
 * trial's model is kept as models/trial-N.zip and predicts, nothing else is kept there, and
 * best-model.zip is the picked trial's model; `hyp run --keep front` keeps them with the default rule.
 */
class FrontModelsRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "min params where accuracy >= best - 0.05";
  private static final double[][] FLOWERS = {{5.1, 3.5, 1.4, 0.2}, {6.7, 3.0, 5.2, 2.3}};

  @TempDir
  Path dir;

  @Test
  void aPickRuleKeepsEveryFrontModelAndBestModelZipIsThePickedOne() throws Exception {
    Path spec = dir.resolve("iris_small.hyp");
    Files.writeString(spec, Files.readString(Path.of("iris_small.hyp"))
        .replace("  constraints {", "  pick = \"" + RULE + "\"\n\n  constraints {"));
    Files.createDirectories(dir.resolve("data"));
    Files.copy(Path.of("data/iris.csv"), dir.resolve("data/iris.csv"));
    Path run = dir.resolve("run");
    Run output = SamplesRunTest.hyp("run", spec.toString(), "--trials", "10", "--max-epochs", "3", "--out",
        run.toString());
    assertEquals(0, output.exit(), output.out() + output.err());

    JsonNode best = JSON.readTree(SamplesRunTest.hyp("best", run.toString(), "--format", "json").out());
    assertEquals(RULE, best.get("pick").asText(), "hyp best says which rule picked best-model.zip: " + best);
    JsonNode pareto = best.get("pareto");
    assertEquals(RULE, pareto.get("rule").asText());
    assertEquals(best.get("trial").asInt(), pareto.get("picked").asInt(), "best-model.zip's trial is the pick");
    TreeSet<Path> frontModels = new TreeSet<>();
    for (JsonNode trial : pareto.get("front")) {
      Path model = Path.of(trial.get("model").asText());
      assertEquals(run.resolve("models").resolve("trial-" + trial.get("trial").asInt() + ".zip").toAbsolutePath()
          .normalize(), model);
      frontModels.add(model);
      SavedModel loaded = SavedModel.load(model);
      assertEquals(trial.get("trial").asInt(), ((Number) loaded.metadata().extra().get("trial")).intValue());
      predictsIris(loaded);
    }
    assertFalse(frontModels.isEmpty(), best.toString());
    try (Stream<Path> kept = Files.list(run.resolve("models"))) {
      assertEquals(frontModels, new TreeSet<>(kept.map(p -> p.toAbsolutePath().normalize()).toList()),
          "models/ holds the front's models and nothing else (no candidate left, none off the front)");
    }
    Path picked = run.resolve("models").resolve("trial-" + pareto.get("picked").asInt() + ".zip");
    assertArrayEquals(Files.readAllBytes(picked), Files.readAllBytes(run.resolve("best-model.zip")));
    predictsIris(SavedModel.load(run.resolve("best-model.zip")));

    Run text = SamplesRunTest.hyp("best", run.toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("picked by `" + RULE + "`"), text.out());
    assertTrue(text.out().contains("model of trial " + pareto.get("picked").asInt() + ": " + picked.toAbsolutePath()
        .normalize()), text.out());
  }

  @Test
  void keepFrontKeepsTheFrontWithTheDefaultRule() throws Exception {
    Path run = dir.resolve("kept");
    Run output = SamplesRunTest.hyp("run", "iris_small.hyp", "--keep", "front", "--trials", "5", "--max-epochs", "2",
        "--out", run.toString());
    assertEquals(0, output.exit(), output.out() + output.err());
    JsonNode best = JSON.readTree(SamplesRunTest.hyp("best", run.toString(), "--format", "json").out());
    assertEquals("max accuracy", best.get("pick").asText(), best.toString());
    for (JsonNode trial : best.get("pareto").get("front")) {
      assertTrue(Files.isRegularFile(Path.of(trial.get("model").asText())), trial.toString());
    }
    Path picked = run.resolve("models").resolve("trial-" + best.get("trial").asInt() + ".zip");
    assertArrayEquals(Files.readAllBytes(picked), Files.readAllBytes(run.resolve("best-model.zip")));

    Run bad = SamplesRunTest.hyp("run", "iris_small.hyp", "--keep", "all", "--out", dir.resolve("bad").toString());
    assertEquals(2, bad.exit());
    assertEquals(List.of("hyp: --keep takes `front` (every Pareto-front trial's model), not `all`"),
        bad.err().lines().toList());
  }

  @Test
  void keepFrontWithOneObjectiveSaysSoAndKeepsTheBestModel() {
    Path run = dir.resolve("one");
    Run output = SamplesRunTest.hyp("run", "iris.hyp", "--keep", "front", "--trials", "1", "--max-epochs", "1",
        "--out", run.toString());
    assertEquals(0, output.exit(), output.out() + output.err());
    assertTrue(output.err().contains("hyp: --keep front keeps the Pareto front's models, and this spec has one"
        + " objective: best-model.zip is its best trial"), output.err());
    assertTrue(Files.isRegularFile(run.resolve("best-model.zip")));
    assertFalse(Files.exists(run.resolve("models")));
  }

    private static void predictsIris(SavedModel model) {
    double[][] scores = model.predict(FLOWERS);
    assertEquals(FLOWERS.length, scores.length);
    for (double[] row : scores) {
      assertEquals(3, row.length);
      assertEquals(1.0, row[0] + row[1] + row[2], 1e-4);
    }
  }
}
