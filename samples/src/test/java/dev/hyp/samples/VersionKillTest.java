package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL while a new version of a study starts and runs (issue 12): run again, and nothing is
 * lost, nothing carried twice, version 1 untouched.
 */
class VersionKillTest {
  @TempDir
  Path directory;

  private static List<FrozenTrial> study(Path out, String name) {
    try (Storage storage = Storages.openForReading(out.resolve("hyp.db").toString())) {
      return storage.findStudy(name).map(s -> storage.trials(s.id())).orElse(List.of());
    }
  }

  @Test
  void killsWhileANewVersionStartsAndRunsCarryNothingTwice() throws Exception {
    Files.createDirectories(directory.resolve("data"));
    Files.copy(Path.of("data/iris.csv"), directory.resolve("data/iris.csv"));
    String iris = Files.readString(Path.of("iris.hyp"));
    Path wide = Files.writeString(directory.resolve("iris.hyp"), iris);
    Path out = directory.resolve("run");
    SamplesRunTest.Run first = SamplesRunTest.hyp("run", wide.toString(), "--out", out.toString(), "--trials", "12",
        "--max-epochs", "3");
    assertEquals(0, first.exit(), first.err());
    List<FrozenTrial> v1 = study(out, "iris");
    long inside = v1.stream().filter(t -> !t.isInterrupted() && t.state() != dev.hyp.runtime.trial.TrialState.FAILED
        && t.params().getDouble("lr") >= 1e-3).count();

    Path narrow = directory.resolve("narrow/iris.hyp");
    Files.createDirectories(narrow.getParent().resolve("data"));
    Files.copy(Path.of("data/iris.csv"), narrow.getParent().resolve("data/iris.csv"));
    Files.writeString(narrow, iris.replace("lr           = loguniform(1e-4, 1e-1)",
        "lr           = loguniform(1e-3, 1e-1)"));
    Path build = directory.resolve("build");
    SamplesRunTest.Run compile = SamplesRunTest.hyp("compile", narrow.toString(), "-o", build.toString());
    assertEquals(0, compile.exit(), compile.err());

    Random random = new Random(12);
    for (int kill = 0; kill < 8; kill++) {
      ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", build.resolve("iris.jar").toString(), "--trials", "30", "--max-epochs", "3", "--out",
          out.toString()).redirectErrorStream(true).redirectOutput(directory.resolve("kill-" + kill + ".log").toFile());
      builder.environment().put("OMP_NUM_THREADS", "1");
      Process process = builder.start();
      Thread.sleep(300 + random.nextInt(2500));
      process.destroyForcibly();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }
    ProcessBuilder last = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", build.resolve("iris.jar").toString(), "--trials", "30", "--max-epochs", "3", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(directory.resolve("last.log").toFile());
    last.environment().put("OMP_NUM_THREADS", "1");
    Process process = last.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), Files.readString(directory.resolve("last.log")));

    assertEquals(v1, study(out, "iris"), "version 1 is untouched");
    List<FrozenTrial> v2 = study(out, "iris@2");
    Set<String> origins = new HashSet<>();
    v2.stream().filter(FrozenTrial::isCarried).forEach(t -> assertTrue(origins.add(t.carriedFrom()),
        "carried twice: " + t.carriedFrom()));
    assertEquals(inside, origins.size(), "every trial inside the narrowed range carried, once");
    assertEquals(30, v2.stream().filter(FrozenTrial::countsTowardBudget).count(), "the budget is exact");
  }
}
