package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.samples.SamplesRunTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * breast_cancer's 114 validation rows make accuracy coarse: several trials tie at the best value.
 * The best is the tied trial with the lowest validation loss, and every view names it: best.json
 * and its model, `hyp best`, the report and `hyp trials --sort value`.
 */
class TiedBestTrialTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path runs;

  @Test
  void everyViewNamesTheTiedTrialWithTheLowestValidationLoss() throws Exception {
    Path out = runs.resolve("breast_cancer");
    // 6 of its 8 startup trials, one at a time: the same trials and prunings on every run
    Run run = SamplesRunTest.hyp("run", "breast_cancer.hyp", "--trials", "6", "--parallel", "1", "--out",
        out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());

    JsonNode best = JSON.readTree(out.resolve("best.json").toFile());
    int trial = best.get("trial").asInt();
    double value = best.get("value").asDouble();
    JsonNode trials = JSON.readTree(SamplesRunTest.hyp("trials", out.toString(), "--format", "json").out());
    int firstTied = -1;
    int tied = 0;
    for (JsonNode t : trials) {
      if (t.get("state").asText().equals("complete") && t.get("value").asDouble() == value) {
        firstTied = firstTied < 0 ? t.get("number").asInt() : firstTied;
        tied++;
      }
    }
    assertTrue(tied >= 2, "the run should end with trials tied at the best value: " + trials);
    assertNotEquals(firstTied, trial, "the tie is broken by the loss, not by who came first");
    try (var storage = dev.hyp.runtime.storage.Storages.openForReading(out.resolve("hyp.db").toString())) {
      var stored = storage.trials(storage.findStudy("breast_cancer").orElseThrow().id());
      double lowest = stored.stream().filter(t -> t.value() != null && t.value() == value
          && t.state() == dev.hyp.runtime.trial.TrialState.COMPLETE)
          .mapToDouble(t -> t.validationLoss()).min().orElseThrow();
      assertEquals(lowest, stored.get(trial).validationLoss(), "the lowest validation loss among the tied");
      assertEquals(lowest, best.get("validationLoss").asDouble());
      assertEquals(lowest, best.get("validation").get("loss").asDouble(), 1e-12);
    }

    assertEquals(trial, dev.hyp.runtime.dl4j.SavedModel.readMetadata(out.resolve("best-model.zip")).extra()
        .get("trial"));
    Run shown = SamplesRunTest.hyp("best", out.toString(), "--format", "json");
    assertEquals(0, shown.exit(), shown.err());
    assertEquals(trial, JSON.readTree(shown.out()).get("trial").asInt());
    Run top = SamplesRunTest.hyp("trials", out.toString(), "--sort", "value", "--top", "1", "--format", "json");
    assertEquals(trial, JSON.readTree(top.out()).get(0).get("number").asInt(), top.out());
    String summary = run.out().substring(run.out().indexOf("trial  accuracy"));
    assertTrue(summary.lines().skip(1).findFirst().orElseThrow().startsWith(trial + " "), summary);

    Path report = runs.resolve("report.html");
    Run written = SamplesRunTest.hyp("report", out.toString(), "-o", report.toString());
    assertEquals(0, written.exit(), written.err());
    String html = Files.readString(report);
    String marker = "id=\"hyp-data\">";
    String data = html.substring(html.indexOf(marker) + marker.length(), html.indexOf("</script>",
        html.indexOf(marker)));
    assertEquals(trial, JSON.readTree(data).get("best").asInt());
  }
}
