package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.cli.Main;
import dev.hyp.runtime.bench.peer.PeerBenchmark;
import dev.hyp.runtime.bench.peer.PeerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp bench peer`'s own side, with no Python: hyp runs in child JVMs as a user's `hyp run`, one
 * at a time and two at a time, and every trial's configuration (params, epochs, batch) is written
 * for the peer to replay, with the split's rows.
 */
class PeerBenchmarkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void runsHypsSideAndExportsTheTrialsForTheReplay() throws Exception {
    List<String> hyp = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName());
    PeerOptions options = new PeerOptions(hyp, null, List.of("tabular"), 200, 50, 2, 1, 1, 1, 1, 1,
        Path.of("."), work, false, 1000);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PeerBenchmark.run(options, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, out + "\n" + err);

    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (line.startsWith("{\"bench\":\"peer\"")) {
        lines.add(JSON.readTree(line));
      }
    }
    assertEquals(List.of("one_at_a_time", "two_at_a_time", "search"),
        lines.stream().map(l -> l.get("part").asText()).toList(), out.toString());
    for (JsonNode line : lines) {
      assertEquals("hyp", line.get("who").asText());
      assertEquals(2, line.get("trials").asInt(), line.toString());
      assertTrue(line.get("peak_rss_mb").asDouble() > 50, line.toString());
      assertTrue(line.get("wall_seconds").asDouble() > 0 && line.get("trial_seconds").asDouble() > 0, line.toString());
    }
    assertEquals(2, lines.get(1).get("parallel").asInt());

    JsonNode configs = JSON.readTree(work.resolve("tabular").resolve("one_at_a_time-0-configs.json").toFile());
    assertEquals(2, configs.size());
    for (JsonNode config : configs) {
      JsonNode params = config.get("params");
      for (String name : List.of("lr", "layers", "units", "batch")) {
        assertTrue(params.has(name), config.toString());
      }
      assertEquals(1, config.get("epochs").asInt());
      assertEquals(params.get("batch").asInt(), config.get("batch").asInt());
    }
    JsonNode split = JSON.readTree(work.resolve("tabular").resolve("split.json").toFile());
    assertEquals(120, split.get("train").size());
    assertEquals(40, split.get("validation").size());
    assertEquals(40, split.get("test").size());
  }

  /**
   * The load case: `hyp run` of one command line twice (a first start, then again), each timed by its start
   * timeline from the process's start to the data read and to the first trial; the launcher's HYP_JAVA_OPTS as a
   * shell passes it.
   */
  @Test
  void loadCaseTimesHypRunFromItsStartToItsFirstTrial() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> hyp = List.of("sh", "-c", "java=\"$0\"; cp=\"$1\"; shift; exec \"$java\" $HYP_JAVA_OPTS -cp \"$cp\" "
        + Main.class.getName() + " \"$@\"", java, System.getProperty("java.class.path"));
    PeerOptions options = new PeerOptions(hyp, null, List.of("load"), 200, 50, 1, 1, 1, 1, 1, 1, Path.of("."), work,
        false, 2000);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PeerBenchmark.run(options, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, exit, out + "\n" + err);
    List<JsonNode> loads = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (line.startsWith("{\"bench\":\"peer_load\"")) {
        loads.add(JSON.readTree(line));
      }
    }
    assertEquals(List.of("first_start", "load"), loads.stream().map(l -> l.get("part").asText()).toList(),
        out.toString());
    for (JsonNode load : loads) {
      double read = load.get("seconds_to_data_read").asDouble();
      double data = load.get("seconds_to_data").asDouble();
      assertTrue(read > 0 && read <= data, load.toString());
      assertTrue(load.get("seconds_reading").asDouble() > 0 && load.get("seconds_reading").asDouble() < read,
          load.toString());
      assertTrue(load.get("mb_per_second").asDouble() > 0, load.toString());
    }
  }
}
