package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on real `java -jar` searches (issue 18): SIGKILL at random points of a run (start-up,
 * data loading, mid-trial, between a trial's record and its model), one, two and three processes on
 * one study, then a run to the end. After every kill no finished trial is lost or changed, no number
 * is taken twice, and the best model belongs to a complete trial; at the end the budget is exact and
 * the best model is the best complete trial's. Prints its figures.
 */
class FaultInjectionTest {
  private static final int BUDGET = 160;
  private static final int KILLS = 54;
  private static final ObjectMapper JSON = new ObjectMapper();

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

  private Process start(Path out, int index) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--trials", String.valueOf(BUDGET), "--parallel", "2", "--max-epochs", "4",
        "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(directory.resolve("run-" + index + ".log").toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    return builder.start();
  }

  /** What a finished trial was: it must never change once seen. */
  private record Finished(String state, String value, String params) {}

  private static Map<Integer, Finished> finishedTrials(Path out, List<String> problems) throws Exception {
    Map<Integer, Finished> finished = new HashMap<>();
    if (!Files.exists(out.resolve("run.json"))) {
      return finished;
    }
    SamplesRunTest.Run trials = SamplesRunTest.hyp("trials", out.toString(), "--format", "json");
    if (trials.exit() != 0) {
      problems.add("hyp trials failed: " + trials.err());
      return finished;
    }
    Set<Integer> numbers = new HashSet<>();
    for (JsonNode row : JSON.readTree(trials.out())) {
      int number = row.get("number").asInt();
      if (!numbers.add(number)) {
        problems.add("trial " + number + " twice");
      }
      String state = row.get("state").asText();
      boolean interrupted = state.equals("failed") && "interrupted".equals(row.path("reason").asText());
      if (!state.equals("running") && !interrupted) {
        finished.put(number, new Finished(state, row.get("value").toString(), row.get("params").toString()));
      }
    }
    return finished;
  }

  /** The best model, if any, must be a complete trial's: the one best.json names, and the model says so too. */
  private static void checkBest(Path out, Map<Integer, Finished> finished, List<String> problems) throws Exception {
    Path summary = out.resolve("best.json");
    if (!Files.exists(summary)) {
      return;
    }
    int trial = JSON.readTree(summary.toFile()).get("trial").asInt();
    Finished kept = finished.get(trial);
    if (kept == null || !kept.state().equals("complete")) {
      problems.add("best.json names trial " + trial + ", which is " + (kept == null ? "not finished" : kept.state()));
    }
  }

  /** Where in a run a kill lands: the first process's log says how far it got. */
  private enum Phase {
    /** JVM start-up, the spec, the data, ND4J loading. */
    STARTUP,
    /** The study opened, the first trials training. */
    FIRST_TRIALS,
    /** Between finished trials, in the middle of the search. */
    MID_SEARCH;

    void await(Path log, Process process, Random random) throws Exception {
      switch (this) {
        case STARTUP -> Thread.sleep(100 + random.nextInt(1500));
        case FIRST_TRIALS -> {
          awaitLine(log, process, l -> l.startsWith("hyp: running"), 1);
          Thread.sleep(random.nextInt(400));
        }
        case MID_SEARCH -> {
          awaitLine(log, process, l -> l.startsWith("trial "), 1 + random.nextInt(4));
          Thread.sleep(random.nextInt(150));
        }
        default -> throw new AssertionError(this);
      }
    }

    private static void awaitLine(Path log, Process process, java.util.function.Predicate<String> line, int count)
        throws Exception {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (process.isAlive() && System.nanoTime() < deadline
          && (!Files.exists(log) || Files.readString(log).lines().filter(line).count() < count)) {
        Thread.sleep(10);
      }
    }
  }

  private static void kill(Process process) throws Exception {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
  }

  @Test
  void killsAtRandomPointsLoseNothingAndTheBudgetStaysExact() throws Exception {
    Random random = new Random(18);
    Path out = directory.resolve("run");
    List<String> problems = new ArrayList<>();
    Map<Integer, Finished> seen = new HashMap<>();
    int kills = 0;
    int index = 0;
    int[] byProcesses = new int[4];
    Map<Phase, Integer> byPhase = new java.util.EnumMap<>(Phase.class);
    while (kills < KILLS) {
      // mostly one process; every fourth round two, every ninth three on the same study and folder
      int processes = kills % 9 == 8 ? 3 : kills % 4 == 3 ? 2 : 1;
      List<Process> running = new ArrayList<>();
      for (int p = 0; p < processes; p++) {
        running.add(start(out, index++));
      }
      Phase phase = Phase.values()[random.nextInt(Phase.values().length)];
      phase.await(directory.resolve("run-" + (index - processes) + ".log"), running.get(0), random);
      for (Process process : running) {
        if (process.isAlive()) {
          kill(process);
          kills++;
          byProcesses[processes]++;
          byPhase.merge(phase, 1, Integer::sum);
        }
      }
      Map<Integer, Finished> now = finishedTrials(out, problems);
      for (Map.Entry<Integer, Finished> before : seen.entrySet()) {
        if (!before.getValue().equals(now.get(before.getKey()))) {
          problems.add("trial " + before.getKey() + " was " + before.getValue() + ", now " + now.get(before.getKey()));
        }
      }
      seen.putAll(now);
      checkBest(out, now, problems);
    }

    Process last = start(out, index);
    assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the last run finishes");
    assertEquals(0, last.exitValue(), Files.readString(directory.resolve("run-" + index + ".log")));
    Map<Integer, Finished> end = finishedTrials(out, problems);
    for (Map.Entry<Integer, Finished> before : seen.entrySet()) {
      if (!before.getValue().equals(end.get(before.getKey()))) {
        problems.add("trial " + before.getKey() + " lost or changed by the last run");
      }
    }
    checkBest(out, end, problems);
    double bestComplete = end.values().stream().filter(f -> f.state().equals("complete"))
        .mapToDouble(f -> Double.parseDouble(f.value())).max().orElse(Double.NaN);
    double bestKept = JSON.readTree(out.resolve("best.json").toFile()).get("value").asDouble();

    System.out.printf(Locale.ROOT, "fault injection: %d SIGKILLs (%d with one process, %d with two, %d with three "
            + "on one study; by phase %s), %d finished trials seen, %d problems; budget %d of %d; best model %.4f, "
            + "best complete trial %.4f%n", kills, byProcesses[1], byProcesses[2], byProcesses[3], byPhase, seen.size(),
        problems.size(), end.size(), BUDGET, bestKept, bestComplete);
    assertEquals(List.of(), problems);
    assertEquals(BUDGET, end.size(), "the budget is exact: finished trials that count, interrupted ones not");
    assertEquals(bestComplete, bestKept, "the best model is the best complete trial's");
  }
}
