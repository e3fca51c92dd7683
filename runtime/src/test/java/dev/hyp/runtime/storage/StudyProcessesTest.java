package dev.hyp.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs on a real SQLite file: killed mid-run, and two at once on one study. */
class StudyProcessesTest {
  @TempDir
  Path dir;

  private Process worker(Path db, String study, int trials, int hangFrom, int parallel, long seed, long millis,
      String... signals) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        StudyWorker.class.getName(), db.toString(), study, String.valueOf(trials), String.valueOf(hangFrom),
        String.valueOf(parallel), String.valueOf(seed), String.valueOf(millis)));
    command.addAll(List.of(signals));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("worker-" + seed + ".log").toFile());
    return pb.start();
  }

  private String log(long seed) throws Exception {
    File f = dir.resolve("worker-" + seed + ".log").toFile();
    return f.exists() ? Files.readString(f.toPath()) : "";
  }

  private static long count(List<FrozenTrial> trials, TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }

  @Test
  void aKilledRunKeepsItsCompletedTrialsAndResumesWhereItStopped() throws Exception {
    Path db = dir.resolve("hyp.db");
    try (Storage storage = SqliteStorage.open(db)) {
      // trials 0..5 finish quickly; 6 and 7 hang on the two workers until the kill
      Process child = worker(db, "resume", 20, 6, 2, 0, 20);
      long id = storage.openStudy("resume", Direction.MINIMIZE, "worker").id();
      List<FrozenTrial> before = storage.trials(id);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (count(before, TrialState.COMPLETE) < 6 || count(before, TrialState.RUNNING) < 2) {
        if (!child.isAlive() || System.nanoTime() > deadline) {
          child.destroyForcibly();
          fail("worker did not reach 6 complete and 2 running trials: " + before + "\n" + log(0));
        }
        Thread.sleep(50);
        before = storage.trials(id);
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed worker exits");

      Study resumed = Study.builder("resume", StudyWorker.SPACE).storage(storage).specHash("worker")
          .sampler(Samplers.create("tpe", Map.of("startup", 4), 0)).open();
      List<FrozenTrial> after = resumed.trials();
      for (FrozenTrial b : before) {
        FrozenTrial a = after.get(b.number());
        if (b.state() == TrialState.COMPLETE) {
          assertEquals(b.params(), a.params(), "completed trial " + b.number() + " kept");
          assertEquals(b.value(), a.value());
          assertEquals(TrialState.COMPLETE, a.state());
        } else {
          assertEquals(TrialState.FAILED, a.state(), "trial " + b.number() + " was running when killed");
          assertEquals(FrozenTrial.INTERRUPTED, a.reason());
        }
      }

      StudyResult result = resumed.optimize(t -> StudyWorker.objective(t.params().getDouble("x"), t.params().getLong("n")),
          StudyOptions.trials(10));
      List<FrozenTrial> trials = result.trials();
      assertEquals(10, count(trials, TrialState.COMPLETE), "interrupted trials do not use up the budget");
      assertEquals(2, trials.stream().filter(FrozenTrial::isInterrupted).count());
      assertEquals(12, trials.size());
    }
  }

  @Test
  void twoProcessesShareOneStudyWithoutLockErrorsOrLostTrials() throws Exception {
    Path db = dir.resolve("shared.db");
    List<Process> children = new ArrayList<>();
    for (long seed = 0; seed < 2; seed++) {
      children.add(worker(db, "shared", 40, Integer.MAX_VALUE, 2, seed, 50, dir.toString()));
    }
    // both workers have opened the study before either starts a trial, so they really overlap
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(dir.resolve("ready-0")) && Files.exists(dir.resolve("ready-1")))) {
      if (System.nanoTime() > deadline || children.stream().anyMatch(c -> !c.isAlive())) {
        children.forEach(Process::destroyForcibly);
        fail("workers did not get ready\n" + log(0) + "\n" + log(1));
      }
      Thread.sleep(20);
    }
    Files.createFile(dir.resolve("go"));
    for (int i = 0; i < children.size(); i++) {
      Process child = children.get(i);
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        fail("worker " + i + " did not finish\n" + log(i));
      }
      assertEquals(0, child.exitValue(), "worker " + i + " failed:\n" + log(i));
    }
    try (Storage storage = SqliteStorage.open(db)) {
      List<FrozenTrial> trials = storage.trials(storage.openStudy("shared", Direction.MINIMIZE, "worker").id());
      assertEquals(40, trials.size(), "the budget is shared between the processes");
      assertEquals(40, count(trials, TrialState.COMPLETE));
      for (int i = 0; i < trials.size(); i++) {
        assertEquals(i, trials.get(i).number());
      }
      assertEquals(2, trials.stream().map(FrozenTrial::owner).collect(Collectors.toSet()).size(),
          "both processes ran trials");
    }
  }

  @Test
  void whenOneOfTwoProcessesDiesTheSurvivorRunsTheWholeBudget() throws Exception {
    Path db = dir.resolve("survivor.db");
    // worker 0 hangs in every trial from number 2 on, until it is killed; worker 1 never hangs
    List<Process> children = List.of(worker(db, "survivor", 16, 2, 2, 0, 20, dir.toString()),
        worker(db, "survivor", 16, Integer.MAX_VALUE, 1, 1, 150, dir.toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(dir.resolve("ready-0")) && Files.exists(dir.resolve("ready-1")))) {
      if (System.nanoTime() > deadline || children.stream().anyMatch(c -> !c.isAlive())) {
        children.forEach(Process::destroyForcibly);
        fail("workers did not get ready\n" + log(0) + "\n" + log(1));
      }
      Thread.sleep(20);
    }
    Files.createFile(dir.resolve("go"));
    try (Storage storage = SqliteStorage.open(db)) {
      long id = storage.openStudy("survivor", Direction.MINIMIZE, "worker").id();
      String dying = null;
      while (dying == null) {
        if (System.nanoTime() > deadline) {
          children.forEach(Process::destroyForcibly);
          fail("worker 0 did not start a hanging trial: " + storage.trials(id));
        }
        Thread.sleep(20);
        dying = storage.trials(id).stream()
            .filter(t -> t.state() == TrialState.RUNNING && t.number() >= 2
                && t.owner().contains("|" + children.get(0).pid() + "|"))
            .map(FrozenTrial::owner).findFirst().orElse(null);
      }
      children.get(0).destroyForcibly();
      assertTrue(children.get(0).waitFor(30, TimeUnit.SECONDS));
      Process survivor = children.get(1);
      if (!survivor.waitFor(120, TimeUnit.SECONDS)) {
        survivor.destroyForcibly();
        fail("the survivor did not finish\n" + log(1));
      }
      assertEquals(0, survivor.exitValue(), log(1));
      List<FrozenTrial> trials = storage.trials(id);
      assertEquals(16, trials.stream().filter(FrozenTrial::countsTowardBudget).count(), trials.toString());
      assertEquals(16, count(trials, TrialState.COMPLETE), "the dead process's places were run: " + trials);
      assertEquals(0, count(trials, TrialState.RUNNING));
    }
  }
}
