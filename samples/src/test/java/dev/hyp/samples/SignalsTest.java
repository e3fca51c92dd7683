package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT to a real `java -jar` search (issue 18): the first stops it gracefully (no
 * new trial, running trials end interrupted, the report is written, exit 143 or 130), a second
 * quits at once; either way no trial is left `running` and no finished trial is lost.
 */
class SignalsTest {
  @TempDir
  static Path build;

  @TempDir
  Path directory;

  private static Path jar;

  @BeforeAll
  static void compile() {
    SamplesRunTest.Run compile = SamplesRunTest.hyp("compile", "iris.hyp", "-o", build.toString());
    assertEquals(0, compile.exit(), compile.err());
    jar = build.resolve("iris.jar");
  }

  /** A search long enough to be signalled mid-run: trials of up to 40 epochs, two at a time. */
  private Process start(Path out, Path log) throws Exception {
    return start(out, log, true);
  }

  /** @param tuned false leaves OMP_NUM_THREADS unset, so the jar relaunches itself in a child JVM */
  private Process start(Path out, Path log, boolean tuned) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--trials", "200", "--parallel", "2", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    if (tuned) {
      builder.environment().put("OMP_NUM_THREADS", "1");
    } else {
      builder.environment().remove("OMP_NUM_THREADS");
      builder.environment().remove("HYP_RELAUNCHED");
    }
    return builder.start();
  }

  private static ProcessHandle childOf(Process process) {
    return process.toHandle().children().findFirst()
        .orElseThrow(() -> new AssertionError("the jar did not relaunch itself"));
  }

  private static void awaitExit(ProcessHandle process) throws Exception {
    process.onExit().get(2, TimeUnit.MINUTES);
  }

  /** Waits until the search has finished {@code trials} trials (their lines are printed). */
  private static void awaitTrials(Process process, Path log, int trials) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (Files.readString(log).lines().filter(l -> l.startsWith("trial ")).count() < trials) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        fail("the search did not finish " + trials + " trials:\n" + Files.readString(log));
      }
      Thread.sleep(50);
    }
  }

  private static void signal(Process process, String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor());
  }

  private static int exitOf(Process process, Path log) throws Exception {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("the search did not stop after the signal:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  /** Every trial is finished, the interrupted ones say so, and the best model is a complete trial's. */
  private static JsonNode trialsLeftIn(Path out) throws Exception {
    SamplesRunTest.Run trials = SamplesRunTest.hyp("trials", out.toString(), "--format", "json");
    assertEquals(0, trials.exit(), trials.err());
    JsonNode rows = new ObjectMapper().readTree(trials.out());
    for (JsonNode row : rows) {
      String state = row.get("state").asText();
      assertTrue(!state.equals("running"), "no trial is left running: " + row);
    }
    SamplesRunTest.Run best = SamplesRunTest.hyp("best", out.toString(), "--format", "json");
    if (best.exit() == 0) {
      int trial = new ObjectMapper().readTree(best.out()).get("trial").asInt();
      for (JsonNode row : rows) {
        if (row.get("number").asInt() == trial) {
          assertEquals("complete", row.get("state").asText(), "the best model is a complete trial's");
        }
      }
    }
    return rows;
  }

  @Test
  void sigtermStopsTheSearchGracefullyWithItsReport() throws Exception {
    Path out = directory.resolve("run");
    Path log = directory.resolve("term.log");
    Process process = start(out, log);
    awaitTrials(process, log, 2);
    signal(process, "TERM");
    assertEquals(143, exitOf(process, log), Files.readString(log));
    String output = Files.readString(log);
    assertTrue(output.contains("hyp: SIGTERM: stopping"), output);
    assertTrue(output.contains("stopped (interrupted)"), output);
    assertTrue(Files.isRegularFile(out.resolve("report.html")), "the report is written");
    JsonNode rows = trialsLeftIn(out);
    assertTrue(rows.size() >= 2 && rows.size() < 200, rows.toString());
  }

  @Test
  void sigintExits130AndASecondSignalQuitsAtOnce() throws Exception {
    Path out = directory.resolve("run");
    Path log = directory.resolve("int.log");
    Process process = start(out, log);
    awaitTrials(process, log, 1);
    signal(process, "INT");
    signal(process, "INT");
    assertEquals(130, exitOf(process, log), Files.readString(log));
    trialsLeftIn(out); // trials the halt left running are marked interrupted when the run folder is read again
  }

  @Test
  void killingTheLauncherStopsTheRelaunchedSearchToo() throws Exception {
    Path out = directory.resolve("run");
    Path log = directory.resolve("kill.log");
    Process launcher = start(out, log, false);
    awaitTrials(launcher, log, 2);
    ProcessHandle search = childOf(launcher);
    launcher.destroyForcibly(); // SIGKILL: nothing can be forwarded
    awaitExit(search);
    assertTrue(Files.readString(log).contains("stopped (interrupted)"), Files.readString(log));
    trialsLeftIn(out);
  }

  @Test
  void sigtermToTheLauncherStopsTheRelaunchedSearchGracefully() throws Exception {
    Path out = directory.resolve("run");
    Path log = directory.resolve("launcher-term.log");
    Process launcher = start(out, log, false);
    awaitTrials(launcher, log, 2);
    ProcessHandle search = childOf(launcher);
    signal(launcher, "TERM");
    assertEquals(143, exitOf(launcher, log), Files.readString(log));
    assertTrue(!search.isAlive(), "the search ended with its launcher");
    assertTrue(Files.readString(log).contains("hyp: SIGTERM: stopping"), Files.readString(log));
    assertTrue(Files.isRegularFile(out.resolve("report.html")));
    trialsLeftIn(out);
  }
}
