package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final String HOSTILE = "</script><script>window.pwned=1</script><!--";

  private static final List<FrozenTrial> TRIALS = List.of(
      Trials.complete(0, 0.8, Trials.params("lr", 0.01, "act", HOSTILE)),
      Trials.complete(1, 0.9, Trials.params("lr", 0.001, "act", "relu")),
      Trials.trial(2, TrialState.PRUNED, 0.3, Trials.params("lr", 0.1, "act", "relu"), 0.2, 0.3),
      Trials.trial(3, TrialState.FAILED, null, Trials.params("lr", 0.05, "act", "tanh")));

  private static String render() {
    return HtmlReport.render(new ReportInput("iris<b>", "accuracy", "validation", true, TRIALS));
  }

  @Test
  void userStringsCannotEndTheDataScriptAndComeBackIntact() throws Exception {
    String html = render();
    // the page's own scripts: the error recorder, ECharts, the data and the report's script
    assertEquals(4, Pattern.compile("</script>", Pattern.CASE_INSENSITIVE).matcher(html).results().count());
    assertFalse(html.contains("<!--"), "a comment opener would hide the rest of the script");
    Matcher data = Pattern.compile("<script type=\"application/json\" id=\"hyp-data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(data.find());
    JsonNode parsed = new ObjectMapper().readTree(data.group(1));
    assertEquals(HOSTILE, parsed.get("trials").get(0).get("params").get("act").asText());
    assertEquals("iris<b>", parsed.get("experiment").asText());
    assertTrue(html.contains("<title>iris&lt;b&gt; · hyp report</title>"), "the title is escaped as HTML");
  }

  @Test
  void theReportNeedsNoNetwork() {
    String html = render();
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "no script, style or image is loaded from elsewhere");
    assertFalse(html.contains("<link"), "styles are inlined");
    assertTrue(html.contains("echarts"), "the chart library is inlined");
    assertTrue(html.length() > 1_000_000, "ECharts itself is about a megabyte");
  }

  @Test
  void theDataHoldsCurvesStatesAndImportance() throws Exception {
    Matcher data = Pattern.compile("id=\"hyp-data\">(.*?)</script>", Pattern.DOTALL).matcher(render());
    assertTrue(data.find());
    JsonNode root = new ObjectMapper().readTree(data.group(1));
    assertEquals(4, root.get("trials").size());
    assertEquals("pruned", root.get("trials").get(2).get("state").asText());
    assertEquals("[[1,0.2],[2,0.3]]", root.get("trials").get(2).get("curve").toString());
    assertTrue(root.get("trials").get(3).get("value").isNull());
    JsonNode lr = root.get("params").get(0);
    assertEquals("lr", lr.get("name").asText());
    assertTrue(lr.get("log").asBoolean(), "0.001 to 0.1 spans a factor of 100");
    assertEquals("categorical", root.get("params").get(1).get("kind").asText());
    assertTrue(root.get("importance").get("message").asText().contains("complete trials"));
  }

  @Test
  void writingReplacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path directory) throws Exception {
    Path file = directory.resolve(HtmlReport.FILE);
    Files.writeString(file, "old");
    HtmlReport.write(new ReportInput("iris", "accuracy", "validation", true, TRIALS), file);
    assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
    try (var files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aWrittenReportIsTheRenderedPage(@TempDir Path directory) throws Exception {
    Path file = directory.resolve(HtmlReport.FILE);
    HtmlReport.write(new ReportInput("iris<b>", "accuracy", "validation", true, TRIALS), file);
    assertEquals(render(), Files.readString(file));
  }

  /**
   * A page is written through a small buffer: the 1 MB chart library is never held whole, so a
   * search's live report leaves no large arrays for its heap to grow by (about 25 MB a page when it
   * was rendered into one string first).
   */
  @Test
  void writingAReportAllocatesLessThanTheChartLibrary(@TempDir Path directory) throws Exception {
    Path file = directory.resolve(HtmlReport.FILE);
    ReportInput input = new ReportInput("iris", "accuracy", "validation", true, TRIALS);
    HtmlReport.write(input, file); // the first write checks the inlined scripts, once per process
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    HtmlReport.write(input, file);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(Files.size(file) > 1_000_000, "the page inlines the chart library");
    assertTrue(allocated < 1_000_000, "a write allocated " + allocated + " bytes");
  }
}
