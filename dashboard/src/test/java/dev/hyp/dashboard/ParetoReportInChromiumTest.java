package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.testing.DevToolsPage;
import dev.hyp.runtime.testing.HeadlessChromium;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a search for accuracy against size, drawn by headless Chromium: the front's
 * series holds exactly the non-dominated feasible trials, infeasible ones are marked apart, and
 * the hypervolume has one point per trial and never falls. A single-objective report has no front.
 */
class ParetoReportInChromiumTest {
  static final List<ObjectiveName> OBJECTIVES = List.of(
      new ObjectiveName("accuracy", "validation", Direction.MAXIMIZE),
      new ObjectiveName("params", null, Direction.MINIMIZE));
  static final int LIMIT = 20_000;

  static List<FrozenTrial> trials;
  static HeadlessChromium chromium;
  static DevToolsPage page;

  @BeforeAll
  static void start() throws Exception {
    trials = trials(40, 3);
    chromium = HeadlessChromium.start();
    page = chromium.page();
    page.send("Runtime.enable", Map.of());
    page.send("Page.enable", Map.of());
  }

  @AfterAll
  static void close() throws Exception {
    page.close();
    chromium.close();
  }

  /**
   * Accuracy grows with size; a trial over {@link #LIMIT} weights is infeasible, a few are pruned.
   * Half the infeasible trials were trained (as under a constraint known after training), half
   * stopped before (no accuracy: nothing to draw them at).
   */
  static List<FrozenTrial> trials(int count, long seed) {
    Random random = new Random(seed);
    List<FrozenTrial> out = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T10:00:00Z");
    for (int n = 0; n < count; n++) {
      int units = 8 + random.nextInt(200);
      double params = units * 120.0;
      double accuracy = 0.7 + 0.25 * (1 - Math.exp(-units / 60.0)) * (0.8 + 0.2 * random.nextDouble());
      boolean over = params > LIMIT;
      boolean trained = !over || n % 2 == 0;
      TrialState state = !over && random.nextDouble() < 0.15 ? TrialState.PRUNED : TrialState.COMPLETE;
      TreeMap<Integer, Double> curve = new TreeMap<>();
      if (trained) {
        curve.put(1, accuracy);
      }
      Double value = trained ? accuracy : null;
      FrozenTrial t = new FrozenTrial(n, state, ParamValues.of(Map.of("units", units)), value,
          over ? "params " + (long) params + " > " + LIMIT : null, curve, "fixture|1|0",
          start.plusSeconds(n), start.plusSeconds(n + 1));
      List<Double> values = new ArrayList<>();
      values.add(trained ? accuracy : Double.NaN);
      values.add(params);
      out.add(t.withOutcome(values, over ? (params - LIMIT) / LIMIT : 0.0));
    }
    return out;
  }

  private static void open(ReportInput input, String name) throws Exception {
    Path file = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(file.getParent());
    HtmlReport.write(input, file);
    page.send("Page.navigate", Map.of("url", file.toUri().toString()));
    JsonNode status = Pages.waitFor(page, "window.hypReport && window.hypReport.chartsExpected !== null"
        + " && (window.hypReport.errors.length > 0"
        + " || window.hypReport.chartsRendered === window.hypReport.chartsExpected) ? window.hypReport : null");
    assertEquals("[]", status.get("errors").toString());
  }

  private static ReportInput twoObjectives() {
    return new ReportInput("small", "accuracy", "validation", true, trials, List.of(), OBJECTIVES);
  }

  @Test
  void theFrontSeriesHasExactlyTheNonDominatedFeasibleTrialsAndInfeasibleOnesAreMarked() throws Exception {
    open(twoObjectives(), "report-pareto.html");
    JsonNode series = page.evaluate("echarts.getInstanceByDom(document.getElementById('chart-front')).getOption()"
        + ".series.map(function (s) { return { name: s.name, type: s.type, symbol: s.symbol || null, color: s.color,"
        + " numbers: s.data.map(function (d) { return d.value[2]; }) }; })");
    TreeSet<Integer> expected = new TreeSet<>();
    new Objectives(List.of(Direction.MAXIMIZE, Direction.MINIMIZE)).front(trials)
        .forEach(t -> expected.add(t.number()));
    assertTrue(expected.size() >= 2, "a fixture with a front of one proves little: " + expected);
    TreeSet<Integer> infeasible = new TreeSet<>();
    trials.stream().filter(t -> !t.isFeasible() && !Double.isNaN(t.objectiveValue(0)))
        .forEach(t -> infeasible.add(t.number()));
    assertTrue(!infeasible.isEmpty());
    String frontColour = null;
    String infeasibleColour = null;
    boolean line = false;
    for (JsonNode s : series) {
      TreeSet<Integer> numbers = new TreeSet<>();
      s.get("numbers").forEach(n -> numbers.add(n.asInt()));
      switch (s.get("name").asText()) {
        case "Pareto front" -> {
          assertEquals(expected, numbers, s.get("type").asText());
          if (s.get("type").asText().equals("line")) {
            line = true;
          } else {
            frontColour = s.get("color").asText();
          }
        }
        case "infeasible" -> {
          assertEquals(infeasible, numbers);
          assertEquals("triangle", s.get("symbol").asText());
          infeasibleColour = s.get("color").asText();
        }
        case "trial" -> assertTrue(numbers.stream().noneMatch(n -> expected.contains(n) || infeasible.contains(n)));
        default -> throw new AssertionError("an unexpected series " + s);
      }
    }
    assertTrue(line, "the front is joined by a line");
    assertTrue(frontColour != null && infeasibleColour != null && !frontColour.equals(infeasibleColour));
    JsonNode legend = page.evaluate("echarts.getInstanceByDom(document.getElementById('chart-front')).getOption()"
        + ".legend[0].data");
    assertTrue(legend.toString().contains("infeasible") && legend.toString().contains("Pareto front"),
        legend.toString());
    JsonNode tip = page.evaluate("(function () {"
        + " var c = echarts.getInstanceByDom(document.getElementById('chart-front'));"
        + " var s = c.getOption().series.find(function (s) { return s.name === 'infeasible'; });"
        + " return c.getOption().tooltip[0].formatter({ data: s.data[0] }); })()");
    assertTrue(tip.asText().contains("> " + LIMIT), "the tooltip gives the reason: " + tip);
  }

  @Test
  void theHypervolumeHasOnePointPerTrialAndNeverFalls() throws Exception {
    open(twoObjectives(), "report-pareto.html");
    JsonNode data = page.evaluate("echarts.getInstanceByDom(document.getElementById('chart-hypervolume')).getOption()"
        + ".series[0].data");
    assertEquals(trials.size(), data.size());
    double last = 0;
    for (JsonNode point : data) {
      double hv = point.get(1).asDouble();
      assertTrue(hv >= last, "the hypervolume fell to " + hv + " at trial " + point.get(0));
      last = hv;
    }
    assertTrue(last > 0, "the front dominates some space");
  }

  @Test
  void threeObjectivesAreParallelCoordinatesWithTheFrontHighlighted() throws Exception {
    List<ObjectiveName> three = new ArrayList<>(OBJECTIVES);
    three.add(new ObjectiveName("train_time", null, Direction.MINIMIZE));
    List<FrozenTrial> timed = new ArrayList<>();
    for (FrozenTrial t : trials) {
      List<Double> values = new ArrayList<>(t.values());
      values.add(1.0 + (t.number() * 7 % 11));
      timed.add(t.withOutcome(values, t.violation()));
    }
    open(new ReportInput("small", "accuracy", "validation", true, timed, List.of(), three), "report-pareto3.html");
    JsonNode option = page.evaluate("(function () {"
        + " var o = echarts.getInstanceByDom(document.getElementById('chart-front')).getOption();"
        + " return { axes: o.parallelAxis.length, front: o.series.filter(function (s) {"
        + " return s.name === 'Pareto front'; }).map(function (s) { return { type: s.type,"
        + " numbers: s.data.map(function (d) { return d.value[3]; }) }; }) }; })()");
    assertEquals(3, option.get("axes").asInt());
    TreeSet<Integer> expected = new TreeSet<>();
    new Objectives(three.stream().map(ObjectiveName::direction).toList()).front(timed)
        .forEach(t -> expected.add(t.number()));
    assertEquals(1, option.get("front").size(), option.toString());
    TreeSet<Integer> numbers = new TreeSet<>();
    option.get("front").get(0).get("numbers").forEach(n -> numbers.add(n.asInt()));
    assertEquals("parallel", option.get("front").get(0).get("type").asText());
    assertEquals(expected, numbers);
  }

  @Test
  void aSingleObjectiveReportHasNoFront() throws Exception {
    open(new ReportInput("small", "accuracy", "validation", true, trials, List.of()), "report-single.html");
    JsonNode none = page.evaluate("document.getElementById('front-panel') === null"
        + " && document.getElementById('chart-front') === null");
    assertTrue(none.asBoolean());
  }
}
