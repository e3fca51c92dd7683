package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.testing.DevToolsPage;
import dev.hyp.runtime.testing.HeadlessChromium;
import dev.hyp.samples.SamplesRunTest.Run;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run of iris (6 trials, 3 epochs) writes report.html, and headless Chromium draws every
 * chart of it with no error; the run's CSV export reads back as a table.
 */
class ReportInChromiumTest {
  /** Where the test leaves a screenshot of the report, for people to look at. */
  static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

  @TempDir
  static Path runs;
  static Path run;
  static Run output;

  @BeforeAll
  static void runIris() {
    run = runs.resolve("iris");
    output = SamplesRunTest.hyp("run", "iris.hyp", "--trials", "6", "--parallel", "2", "--max-epochs", "3",
        "--out", run.toString());
  }

  @Test
  void theRunPrintsATrialLineEachTheLeaderboardAndWhereTheReportIs() {
    assertEquals(0, output.exit(), output.out() + output.err());
    assertEquals(6, output.out().lines().filter(l -> l.matches("trial +\\d+ (complete|pruned|failed) .*")).count(),
        output.out());
    assertTrue(output.out().contains("hyp: report:     " + run.resolve("report.html")), output.out());
    assertTrue(output.out().contains("trial  accuracy     epochs  time     params"), output.out());
    assertTrue(Files.isRegularFile(run.resolve("report.html")));
  }

  @Test
  void theCsvExportHasOneRowPerTrialAndOneColumnPerParameter() throws Exception {
    Run csv = SamplesRunTest.hyp("trials", run.toString(), "--format", "csv");
    assertEquals(0, csv.exit(), csv.err());
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv.out()))) {
      List<String> header = parser.getHeaderNames();
      assertEquals(List.of("number", "state", "accuracy", "lr", "depth", "units[1]"), header.subList(0, 6), header.toString());
      assertTrue(header.containsAll(List.of("act", "dropout", "batch", "opt", "l2", "epochs", "seconds", "reason")),
          header.toString());
      List<CSVRecord> rows = parser.getRecords();
      assertEquals(6, rows.size());
      for (CSVRecord row : rows) {
        assertEquals(header.size(), row.size());
        // a conditional parameter is empty exactly where its condition failed
        assertEquals(row.get("opt").equals("nesterovs"), !row.get("momentum").isEmpty(), row.toString());
        Double.parseDouble(row.get("lr"));
      }
    }
  }

  @Test
  void hypReportWritesTheReportWhereAsked() throws Exception {
    Path file = runs.resolve("elsewhere").resolve("iris.html");
    Run report = SamplesRunTest.hyp("report", run.toString(), "-o", file.toString());
    assertEquals(0, report.exit(), report.err());
    assertTrue(Files.readString(file).contains("id=\"hyp-data\""));
    Run notARun = SamplesRunTest.hyp("report", runs.toString());
    assertEquals(2, notARun.exit());
    assertTrue(notARun.err().contains("is not a run folder"), notARun.err());
  }

  @Test
  void everyChartDrawsInChromiumAndThePageLogsNoError() throws Exception {
    Path report = run.resolve("report.html").toAbsolutePath();
    try (HeadlessChromium chromium = HeadlessChromium.start(); DevToolsPage page = chromium.page()) {
      page.send("Runtime.enable", Map.of());
      page.send("Log.enable", Map.of());
      page.send("Page.enable", Map.of());
      page.send("Page.navigate", Map.of("url", report.toUri().toString()));
      JsonNode status = waitForCharts(page);
      int expected = status.get("expected").asInt();
      // history, importance, learning curves, parallel coordinates, and a slice per varying parameter
      assertTrue(expected >= 4 + 5, status.toString());
      assertEquals(expected, status.get("rendered").asInt(), status.toString());
      assertEquals("[]", status.get("errors").toString(), "errors the page recorded");

      JsonNode charts = page.evaluate("Array.from(document.querySelectorAll('.chart')).map(function (c) {"
          + " var canvas = c.querySelector('canvas');"
          + " return { id: c.id, width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0 }; })");
      assertEquals(expected, charts.size(), charts.toString());
      for (JsonNode chart : charts) {
        assertTrue(chart.get("width").asInt() > 100 && chart.get("height").asInt() > 100, "not drawn: " + chart);
      }
      assertTrue(page.evaluate("document.querySelectorAll('#chart-curves canvas').length").asInt() >= 1);

      // the table sorts by a column when its heading is clicked
      assertEquals(6, page.evaluate("document.querySelectorAll('#trials tbody tr').length").asInt());
      page.evaluate("document.querySelector('#trials th[data-key=number]').click()");
      assertEquals("[\"0\",\"1\",\"2\",\"3\",\"4\",\"5\"]", page.evaluate(
          "Array.from(document.querySelectorAll('#trials tbody tr')).map(function (r) { return r.cells[0].textContent; })")
          .toString());

      // the table shows one state, or the rows that contain a text, and says how many of all
      String rows = "Array.from(document.querySelectorAll('#trials tbody tr'))";
      int complete = page.evaluate(rows + ".filter(function (r) { return r.cells[1].textContent === 'complete'; }).length")
          .asInt();
      page.evaluate("var s = document.getElementById('trials-state'); s.value = 'complete';"
          + " s.dispatchEvent(new Event('change'))");
      assertEquals(complete, page.evaluate(rows + ".length").asInt());
      assertEquals(complete, page.evaluate(rows + ".filter(function (r) { return r.cells[1].textContent === 'complete'; })"
          + ".length").asInt());
      page.evaluate("var s = document.getElementById('trials-state'); s.value = ''; s.dispatchEvent(new Event('change'));"
          + " var f = document.getElementById('trials-filter'); f.value = 'no such text'; f.dispatchEvent(new Event('input'))");
      assertEquals(0, page.evaluate(rows + ".length").asInt());
      assertEquals("0 of 6 trials", page.evaluate("document.getElementById('trials-shown').textContent").asText());
      page.evaluate("var f = document.getElementById('trials-filter'); f.value = ''; f.dispatchEvent(new Event('input'))");
      assertEquals(6, page.evaluate(rows + ".length").asInt());

      Files.createDirectories(SCREENSHOT.getParent());
      page.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height",
          page.evaluate("document.documentElement.scrollHeight").asInt(), "deviceScaleFactor", 1, "mobile", false));
      String png = page.send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
      Files.write(SCREENSHOT, Base64.getDecoder().decode(png));

      assertEquals(List.of(), page.events("Runtime.exceptionThrown"), "uncaught exceptions");
      assertEquals(List.of(), page.events("Runtime.consoleAPICalled").stream()
          .filter(e -> List.of("error", "assert").contains(e.get("params").get("type").asText())).toList(),
          "console errors");
      assertEquals(List.of(), page.events("Log.entryAdded").stream()
          .filter(e -> e.get("params").get("entry").get("level").asText().equals("error")).toList(), "browser errors");
    }
  }

  /** Polls the page's own flag until every chart has said it finished, for at most 20 seconds. */
  static JsonNode waitForCharts(DevToolsPage page) throws Exception {
    String probe = "window.hypReport ? { expected: window.hypReport.chartsExpected,"
        + " rendered: window.hypReport.chartsRendered, errors: window.hypReport.errors } : null";
    JsonNode status = null;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      status = page.evaluate(probe);
      // done when every chart drew, or as soon as the page hit an error (a script that did not load never sets expected)
      if (status.isObject() && (status.get("errors").size() > 0
          || (status.get("expected").isInt() && status.get("rendered").asInt() == status.get("expected").asInt()))) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the charts did not all draw within 20 s: " + status);
  }
}
