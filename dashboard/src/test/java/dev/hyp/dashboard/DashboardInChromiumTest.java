package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.cli.Main;
import dev.hyp.runtime.testing.DevToolsPage;
import dev.hyp.runtime.testing.HeadlessChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real search (iris, tiny budgets) watched in the dashboard with headless Chromium: the trials a
 * second `hyp run` adds appear in the open page without a reload, with every chart drawn and no
 * error; and a 400-trial run folder (made through the storage API) draws too. Screenshots go to
 * target/screenshots.
 */
class DashboardInChromiumTest {
  static final Path SPEC = Path.of("..", "samples", "iris.hyp");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir
  Path root;

  private static void hyp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, code, out + "\n" + err);
  }

  private static String search(Path run, int trials) {
    return "run " + SPEC + " --trials " + trials + " --parallel 2 --max-epochs 2 --out " + run;
  }

  @Test
  void trialsAppearInTheOpenPageAsASearchFinishesThem() throws Exception {
    Path run = root.resolve("runs").resolve("iris");
    hyp(search(run, 2).split(" "));
    try (DashboardServer server = DashboardServer.start(root, "127.0.0.1", 0);
        HeadlessChromium chromium = HeadlessChromium.start(); DevToolsPage page = chromium.page()) {
      page.send("Runtime.enable", Map.of());
      page.send("Page.enable", Map.of());
      page.send("Page.navigate", Map.of("url", server.address("127.0.0.1")));
      Pages.waitFor(page, "document.querySelectorAll('.runs li').length === 1");
      assertTrue(page.evaluate("document.querySelector('.runs li').textContent").asText()
          .matches("runs/iris · maximize accuracy · 2 trials .*"), "the index lists the run");
      Pages.screenshot(page, SCREENSHOTS.resolve("dashboard-index.png"));

      page.send("Page.navigate", Map.of("url", server.address("127.0.0.1") + "?run=runs/iris"));
      Pages.waitFor(page, "document.querySelectorAll('#dash-trials tbody tr').length === 2");
      page.evaluate("window.sameDocument = true");

      // the same study continues in the background to 6 trials; the page is left alone
      CompletableFuture<Void> more = CompletableFuture.runAsync(() -> hyp(search(run, 6).split(" ")));
      Pages.waitFor(page, "document.querySelectorAll('#dash-trials tbody tr').length === 6", 240);
      more.join();
      assertEquals(true, page.evaluate("window.sameDocument === true").asBoolean(), "the page was reloaded");
      JsonNode report = Pages.waitFor(page, "window.hypReport.chartsExpected !== null"
          + " && window.hypReport.chartsRendered === window.hypReport.chartsExpected ? window.hypReport : null");
      assertEquals("[]", report.get("errors").toString());
      assertEquals("[]", page.evaluate("window.hypDashboard.errors").toString());
      assertTrue(page.evaluate("document.getElementById('live').textContent").asText().startsWith("live · "));

      // two trials side by side
      page.evaluate("document.querySelectorAll('#dash-trials tbody input')[0].click();"
          + " document.querySelectorAll('#dash-trials tbody input')[1].click(); true");
      assertEquals(false, page.evaluate("document.getElementById('compare-panel').hidden").asBoolean());
      assertEquals(3, page.evaluate("document.querySelectorAll('#compare-table thead th').length").asInt());
      // the filter by state: only complete trials
      JsonNode shown = page.evaluate("['pruned', 'failed', 'running'].forEach(function (s) {"
          + " document.querySelector('input[data-state=' + s + ']').click(); });"
          + " Array.from(document.querySelectorAll('#dash-trials tbody .state')).map(function (e) { return e.textContent; })");
      shown.forEach(s -> assertEquals("complete", s.asText()));
      for (String id : new String[] {"chart-timeline", "chart-ecdf", "chart-contour", "chart-compare"}) {
        assertTrue(page.evaluate("echarts.getInstanceByDom(document.getElementById('" + id + "')) !== undefined")
            .asBoolean(), id + " not drawn");
      }
      Pages.screenshot(page, SCREENSHOTS.resolve("dashboard-run.png"));
    }
  }

  @Test
  void aFourHundredTrialRunDrawsWithoutError() throws Exception {
    RunFixture.write(root.resolve("deep"), RunFixture.trials(400, 17));
    try (DashboardServer server = DashboardServer.start(root, "127.0.0.1", 0);
        HeadlessChromium chromium = HeadlessChromium.start(); DevToolsPage page = chromium.page()) {
      page.send("Runtime.enable", Map.of());
      page.send("Page.navigate", Map.of("url", server.address("127.0.0.1") + "?run=deep"));
      JsonNode report = Pages.waitFor(page, "window.hypDashboard && window.hypDashboard.trials === 400 && window.hypReport.chartsExpected !== null"
          + " && window.hypReport.chartsRendered === window.hypReport.chartsExpected ? window.hypReport : null", 60);
      assertEquals("[]", report.get("errors").toString());
      assertEquals("[]", page.evaluate("window.hypDashboard.errors").toString());
      assertEquals(400, page.evaluate("document.querySelectorAll('#dash-trials tbody tr').length").asInt());
      // a range of the learning rate leaves fewer trials, in the table and the report's charts
      int kept = page.evaluate("document.getElementById('filter-param').value = 'lr';"
          + " document.getElementById('filter-param').dispatchEvent(new Event('change'));"
          + " var min = document.getElementById('filter-min'); min.value = '0.001'; min.dispatchEvent(new Event('input'));"
          + " document.querySelectorAll('#dash-trials tbody tr').length").asInt();
      assertTrue(kept > 0 && kept < 400, "kept " + kept);
      // a report chart zoomed by its user keeps that zoom when the report is drawn again
      String zoomable = page.evaluate("window.zoomable = Array.from(document.querySelectorAll('#report .chart'))"
          + ".find(function (c) { var i = echarts.getInstanceByDom(c); return i && (i.getOption().dataZoom || []).length; });"
          + " echarts.getInstanceByDom(zoomable).dispatchAction({ type: 'dataZoom', dataZoomIndex: 0, start: 20, end: 60 });"
          + " zoomable.id").asText();
      page.evaluate("var max = document.getElementById('filter-max'); max.value = '0.05';"
          + " max.dispatchEvent(new Event('input')); true");
      JsonNode zoom = page.evaluate("echarts.getInstanceByDom(document.getElementById('" + zoomable + "'))"
          + ".getOption().dataZoom.map(function (z) { return [z.start, z.end]; })");
      assertEquals("[20,60]", zoom.get(0).toString(), zoomable + "'s zoom after the report was drawn again: " + zoom);
      page.evaluate("document.getElementById('filter-clear').click(); true");
      Pages.screenshot(page, SCREENSHOTS.resolve("dashboard-400-trials.png"));
    }
  }
}
