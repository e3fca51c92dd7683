package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.testing.DevToolsPage;
import dev.hyp.runtime.testing.HeadlessChromium;
import dev.hyp.samples.SamplesRunTest.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/iris_small.hyp with real DL4J training: accuracy against `params` under `params <= 1000`.
 * No trial over the limit trains, the front `hyp best` gives is feasible and non-dominated, and
 * `--pick` chooses from it; the report draws that front in headless Chromium.
 */
class MultiObjectiveRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path runs;
  static Path run;
  static Run output;

  @BeforeAll
  static void runIrisSmall() {
    run = runs.resolve("iris_small");
    output = SamplesRunTest.hyp("run", "iris_small.hyp", "--trials", "12", "--max-epochs", "3", "--out",
        run.toString());
  }

  @Test
  void noTrialOverTheLimitTrainsAndEachSaysWhy() throws Exception {
    assertEquals(0, output.exit(), output.out() + output.err());
    JsonNode rows = JSON.readTree(SamplesRunTest.hyp("trials", run.toString(), "--format", "json").out());
    assertEquals(12, rows.size());
    int infeasible = 0;
    for (JsonNode row : rows) {
      assertTrue(row.get("objectives").get("params").isNumber(), "a column per objective: " + row);
      if (row.get("state").asText().equals("infeasible")) {
        infeasible++;
        assertEquals(0, row.get("epochs").asInt(), "an infeasible trial never trains: " + row);
        assertTrue(row.get("reason").asText().startsWith("infeasible before training: params "), row.toString());
      } else {
        assertTrue(row.get("epochs").asInt() >= 1, row.toString());
      }
    }
    assertTrue(infeasible >= 1, "the space reaches past the limit: " + rows);
    JsonNode onlyInfeasible = JSON.readTree(SamplesRunTest.hyp("trials", run.toString(), "--state", "infeasible",
        "--format", "json").out());
    assertEquals(infeasible, onlyInfeasible.size(), "--state picks the states the table shows: " + onlyInfeasible);
  }

  @Test
  void theFrontIsFeasibleAndNonDominatedAndThePickComesFromIt() throws Exception {
    Run best = SamplesRunTest.hyp("best", run.toString(), "--format", "json");
    assertEquals(0, best.exit(), best.err());
    JsonNode pareto = JSON.readTree(best.out()).get("pareto");
    List<double[]> points = new ArrayList<>();
    for (JsonNode trial : pareto.get("front")) {
      assertTrue(trial.get("feasible").asBoolean(), trial.toString());
      double params = trial.get("values").get("params").asDouble();
      assertTrue(params <= 1000, trial.toString());
      points.add(new double[] {-trial.get("values").get("accuracy").asDouble(), params});
    }
    assertFalse(points.isEmpty(), best.out());
    for (double[] a : points) {
      for (double[] b : points) {
        boolean dominates = a[0] <= b[0] && a[1] <= b[1] && (a[0] < b[0] || a[1] < b[1]);
        assertFalse(dominates, "one front trial dominates another: " + pareto);
      }
    }
    double bestAccuracy = JSON.readTree(best.out()).get("value").asDouble();
    JsonNode picked = null;
    for (JsonNode trial : pareto.get("front")) {
      if (trial.get("trial").asInt() == pareto.get("picked").asInt()) {
        picked = trial;
      }
    }
    assertEquals(bestAccuracy, picked.get("values").get("accuracy").asDouble(), 1e-12,
        "by default the pick is best in the first objective, as best-model.zip's trial is: " + best.out());

    Run smallest = SamplesRunTest.hyp("best", run.toString(), "--pick", "min params where accuracy >= best - 0.05");
    assertEquals(0, smallest.exit(), smallest.err());
    assertTrue(smallest.out().contains("picked: trial "), smallest.out());
    Run bad = SamplesRunTest.hyp("best", run.toString(), "--pick", "smallest params");
    assertEquals(2, bad.exit());
    assertEquals(1, bad.err().lines().count(), bad.err());
  }

  @Test
  void theReportDrawsTheFrontThatHypBestGives() throws Exception {
    assertEquals(0, output.exit(), output.out() + output.err());
    TreeSet<Integer> front = new TreeSet<>();
    JSON.readTree(SamplesRunTest.hyp("best", run.toString(), "--format", "json").out()).get("pareto").get("front")
        .forEach(trial -> front.add(trial.get("trial").asInt()));
    Path report = run.resolve("report.html").toAbsolutePath();
    try (HeadlessChromium chromium = HeadlessChromium.start(); DevToolsPage page = chromium.page()) {
      page.send("Runtime.enable", Map.of());
      page.send("Page.enable", Map.of());
      page.send("Page.navigate", Map.of("url", report.toUri().toString()));
      JsonNode status = ReportInChromiumTest.waitForCharts(page);
      assertEquals("[]", status.get("errors").toString(), "errors the page recorded");
      assertEquals(status.get("expected").asInt(), status.get("rendered").asInt(), status.toString());
      JsonNode drawn = page.evaluate("echarts.getInstanceByDom(document.getElementById('chart-front')).getOption()"
          + ".series.filter(function (s) { return s.name === 'Pareto front' && s.type === 'scatter'; })"
          + "[0].data.map(function (d) { return d.value[2]; })");
      TreeSet<Integer> numbers = new TreeSet<>();
      drawn.forEach(n -> numbers.add(n.asInt()));
      assertEquals(front, numbers, "the report's front is hyp best's");
      assertTrue(page.evaluate("document.querySelectorAll('#chart-hypervolume canvas').length").asInt() >= 1);
    }
  }
}
