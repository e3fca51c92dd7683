package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.testing.DevToolsPage;
import dev.hyp.runtime.testing.HeadlessChromium;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of a 400-trial search, drawn by headless Chromium, tells the truth: every colour is
 * the legend's, every parameter has its axis with its whole name and every label, and the axes
 * show the band of values that matters. Each test reads what ECharts drew (its options, its axes'
 * extents, the texts on its canvas with their places), not the report's source.
 */
class ReportChartsInChromiumTest {
  static final Path SCREENSHOT = Path.of("target", "screenshots", "report-400-trials.png");
  /** Reads a chart and the texts it drew, each with its box on the page. */
  private static final String HELPERS = "window.t = {"
      + " chart: function (id) { return echarts.getInstanceByDom(document.getElementById(id)); },"
      + " texts: function (id) { var out = [];"
      + "   t.chart(id).getZr().storage.getDisplayList(true).forEach(function (el) {"
      + "     if ((el.type !== 'text' && el.type !== 'tspan') || el.invisible || !el.style || el.style.text == null) { return; }"
      + "     var r = el.getBoundingRect().clone(); r.applyTransform(el.getComputedTransform());"
      + "     out.push({ text: String(el.style.text), x: r.x, y: r.y, w: r.width, h: r.height }); });"
      + "   return out; },"
      + " yExtent: function (id) { return t.chart(id).getModel().getComponent('yAxis', 0).axis.scale.getExtent(); },"
      + " slice: function (name) { return Array.from(document.querySelectorAll('#slices .chart')).find(function (el) {"
      + "   return echarts.getInstanceByDom(el).getOption().title[0].text === name; }).id; } }; true";

  static List<FrozenTrial> trials;
  static HeadlessChromium chromium;
  static DevToolsPage page;

  @BeforeAll
  static void drawTheReport() throws Exception {
    trials = RunFixture.trials(400, 17);
    Path file = Path.of("target", "report-400-trials.html").toAbsolutePath();
    Files.createDirectories(file.getParent());
    HtmlReport.write(new ReportInput(RunFixture.EXPERIMENT, "accuracy", "validation", true, trials,
        RunFixture.SCALES), file);
    chromium = HeadlessChromium.start();
    page = chromium.page();
    page.send("Runtime.enable", Map.of());
    page.send("Page.enable", Map.of());
    page.send("Page.navigate", Map.of("url", file.toUri().toString()));
    JsonNode status = Pages.waitFor(page, "window.hypReport && window.hypReport.chartsExpected !== null"
        + " && (window.hypReport.errors.length > 0"
        + " || window.hypReport.chartsRendered === window.hypReport.chartsExpected) ? window.hypReport : null");
    assertEquals("[]", status.get("errors").toString());
    page.evaluate(HELPERS);
  }

  @AfterAll
  static void close() throws Exception {
    Pages.screenshot(page, SCREENSHOT);
    page.close();
    chromium.close();
  }

  @Test
  void everyLearningCurveHasTheColourOfItsLegendEntryAndPrunedCrossesArePrunedColoured() throws Exception {
    JsonNode option = page.evaluate("(function () { var o = t.chart('chart-curves').getOption();"
        + " return { legend: o.legend[0].data, series: o.series.map(function (s) { return { name: s.name,"
        + " color: s.color, cross: s.markPoint && s.markPoint.data && s.markPoint.data.length ?"
        + " s.markPoint.itemStyle.color : null }; }) }; })()");
    List<String> legend = new ArrayList<>();
    option.get("legend").forEach(entry -> legend.add(entry.isObject() ? entry.get("name").asText() : entry.asText()));
    Map<String, String> colourOf = new java.util.HashMap<>();
    for (JsonNode series : option.get("series")) {
      String name = series.get("name").asText();
      assertTrue(legend.contains(name), "a curve named `" + name + "` is not in the legend " + legend);
      String colour = colourOf.computeIfAbsent(name, n -> series.get("color").asText());
      assertEquals(colour, series.get("color").asText(), "two colours for `" + name + "`, one not in the legend");
      if (!series.get("cross").isNull()) {
        assertEquals("pruned", name);
        assertEquals(colour, series.get("cross").asText(), "a pruned trial's cross has the pruned colour");
      }
    }
    assertTrue(colourOf.keySet().containsAll(Set.of("complete", "pruned", "failed", "best")), colourOf.toString());
  }

  @Test
  void fourHundredCurvesFadeAllButTheBestWhichIsDrawnOnTop() throws Exception {
    JsonNode styles = page.evaluate("t.chart('chart-curves').getOption().series.map(function (s) {"
        + " return { name: s.name, opacity: s.lineStyle.opacity, width: s.lineStyle.width, z: s.z }; })");
    int zBest = 0;
    int zRest = 0;
    for (JsonNode s : styles) {
      if (s.get("name").asText().equals("best")) {
        assertTrue(s.get("width").asDouble() >= 2.5, s.toString());
        zBest = s.get("z").asInt();
      } else {
        assertTrue(s.get("opacity").asDouble() <= 0.35, "not faded: " + s);
        zRest = Math.max(zRest, s.get("z").asInt());
      }
    }
    assertTrue(zBest > zRest, "the best curve is drawn over the rest");
  }

  @Test
  void failedCurvesAreDottedInTheFailedColourAndNeverDropBelowWhatTheyReported() throws Exception {
    JsonNode failed = page.evaluate("t.chart('chart-curves').getOption().series.filter(function (s) {"
        + " return s.name === 'failed'; }).map(function (s) { return { type: s.lineStyle.type,"
        + " low: Math.min.apply(null, s.data.map(function (p) { return p[1]; })) }; })");
    long reported = trials.stream().filter(t -> t.state() == TrialState.FAILED && !t.intermediate().isEmpty()).count();
    assertEquals(reported, failed.size(), failed.toString());
    double lowest = trials.stream().filter(t -> t.state() == TrialState.FAILED)
        .flatMap(t -> t.intermediate().values().stream()).mapToDouble(Double::doubleValue).min().orElseThrow();
    for (JsonNode curve : failed) {
      assertEquals("dotted", curve.get("type").asText());
      assertTrue(curve.get("low").asDouble() >= lowest, curve.toString());
    }
  }

  @Test
  void theHistoryShowsTheBandOfCompleteValuesNotZeroToOne() throws Exception {
    JsonNode extent = page.evaluate("t.yExtent('chart-history')");
    assertTrue(extent.get(0).asDouble() >= 0.85, "the history's y axis starts at " + extent);
    assertTrue(extent.get(1).asDouble() <= 1.0, "the history's y axis ends at " + extent);
  }

  @Test
  void aConditionalLogScaleParameterWithOneValueHasItsPointDrawnOnAxes() throws Exception {
    JsonNode point = page.evaluate("(function () { var c = t.chart(t.slice('decay'));"
        + " var data = c.getModel().getSeriesByIndex(0).getData();"
        + " var x = c.getModel().getComponent('xAxis', 0).axis.scale.getExtent();"
        + " return { count: data.count(), layout: data.getItemLayout(0), x: x, y: t.yExtent(c.getDom().id) }; })()");
    assertEquals(1, point.get("count").asInt(), point.toString());
    assertTrue(point.get("layout").isArray() && Double.isFinite(point.get("layout").get(0).asDouble())
        && Double.isFinite(point.get("layout").get(1).asDouble()), "the point has no place: " + point);
    assertTrue(point.get("x").get(0).asDouble() < point.get("x").get(1).asDouble(), "a degenerate x axis: " + point);
    // one point's y range is the metric's, as in every other slice, not one made up around it
    assertTrue(point.get("y").get(0).asDouble() >= 0.85 && point.get("y").get(1).asDouble() <= 1.0, point.toString());
  }

  @Test
  void aCategoricalAxisLabelsEveryValue() throws Exception {
    JsonNode texts = page.evaluate("t.texts(t.slice('activation')).map(function (x) { return x.text; })");
    List<String> shown = new ArrayList<>();
    texts.forEach(x -> shown.add(x.asText()));
    assertTrue(shown.containsAll(RunFixture.ACTIVATIONS), "the activation slice labels " + shown);
    JsonNode parallel = page.evaluate("t.texts('chart-parallel').map(function (x) { return x.text; })");
    List<String> onParallel = new ArrayList<>();
    parallel.forEach(x -> onParallel.add(x.asText()));
    assertTrue(onParallel.containsAll(RunFixture.ACTIVATIONS), "parallel coordinates label " + onParallel);
  }

  @Test
  void parallelCoordinatesHaveEveryParameterWithItsWholeNameAsDeclaredAndNoLabelOverAnother() throws Exception {
    JsonNode axes = page.evaluate("t.chart('chart-parallel').getOption().parallelAxis.map(function (a) {"
        + " return { name: a.name, type: a.type }; })");
    List<String> names = new ArrayList<>();
    axes.forEach(a -> names.add(a.get("name").asText()));
    List<String> varying = RunFixture.SCALES.stream().map(s -> s.name()).toList();
    assertTrue(names.containsAll(varying), "left out: " + varying.stream().filter(n -> !names.contains(n)).toList());
    for (JsonNode axis : axes) {
      if (axis.get("name").asText().startsWith("units[")) {
        assertEquals("category", axis.get("type").asText(), "run.json declares `units` a choice: " + axis);
      }
    }
    JsonNode texts = page.evaluate("t.texts('chart-parallel')");
    List<String> drawn = new ArrayList<>();
    texts.forEach(x -> drawn.add(x.get("text").asText()));
    assertTrue(drawn.containsAll(varying), "names cut or missing: " + drawn);
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        assertTrue(!overlap(texts.get(i), texts.get(j)), "`" + texts.get(i).get("text").asText() + "` over `"
            + texts.get(j).get("text").asText() + "`: " + texts.get(i) + " " + texts.get(j));
      }
    }
  }

  private static boolean overlap(JsonNode a, JsonNode b) {
    double slack = 1; // boxes that touch do not hide each other
    return a.get("x").asDouble() + a.get("w").asDouble() - slack > b.get("x").asDouble()
        && b.get("x").asDouble() + b.get("w").asDouble() - slack > a.get("x").asDouble()
        && a.get("y").asDouble() + a.get("h").asDouble() - slack > b.get("y").asDouble()
        && b.get("y").asDouble() + b.get("h").asDouble() - slack > a.get("y").asDouble();
  }
}
