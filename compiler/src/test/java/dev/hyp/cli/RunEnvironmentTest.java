package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.compiler.testing.SmallFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp run` when the options or the environment are wrong (issue 18): one line naming the option
 * or folder and what to do, exit 2, never an internal error; what was computed stays.
 */
class RunEnvironmentTest {
  @TempDir
  Path dir;

  private static final String SPEC = """
      experiment tiny {
        seed = 1
        data {
          source = csv("t.csv", label = "y")
          split  = holdout(validation = 0.3)
        }
        params {
          lr = loguniform(1e-3, 1e-1)
        }
        model {
          dense(units = 4)
          output(activation = softmax, loss = mcxent)
        }
        train {
          epochs = EPOCHS
          batch  = 4
        }
        search random {
          trials = TRIALS
        }
        objective = maximize accuracy on validation
      }
      """;

  private Path spec(int trials, int epochs) throws Exception {
    StringBuilder rows = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1,x\n" : "1." + i + ",0,z\n");
    }
    Files.writeString(dir.resolve("t.csv"), rows);
    Path file = dir.resolve("tiny.hyp");
    Files.writeString(file, SPEC.replace("TRIALS", String.valueOf(trials)).replace("EPOCHS", String.valueOf(epochs)));
    return file;
  }

  private static void assertOneLineExit2(CliTest.Run run, String expected) {
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(run.err().contains("internal error") || run.err().contains("\tat "), run.err());
  }

  @Test
  void optionsBelowOneAreUsageErrors() throws Exception {
    String spec = spec(2, 1).toString();
    assertOneLineExit2(CliTest.hyp("run", spec, "--parallel", "0"), "hyp: --parallel must be at least 1, not 0");
    assertOneLineExit2(CliTest.hyp("run", spec, "--trials", "-1"), "hyp: --trials must be at least 1, not -1");
    assertOneLineExit2(CliTest.hyp("run", spec, "--max-epochs", "0"), "hyp: --max-epochs must be at least 1, not 0");
    assertFalse(Files.exists(dir.resolve("runs")), "nothing is written for a bad option");
  }

  @Test
  void aMemoryLimitThatIsNotAnAmountIsAUsageErrorBeforeAnyTrial() throws Exception {
    System.setProperty("hyp.memoryLimit", "lots");
    try {
      assertOneLineExit2(CliTest.hyp("run", spec(2, 1).toString(), "--out", dir.resolve("run").toString()),
          "hyp: HYP_MEMORY_LIMIT (or -Dhyp.memoryLimit) is `lots`, not an amount of memory such as 8g or 512m");
    } finally {
      System.clearProperty("hyp.memoryLimit");
    }
    assertFalse(Files.exists(dir.resolve("run")), "no trial ran");
  }

  @Test
  void aTimeoutOfCenturiesIsAsGoodAsNone() throws Exception {
    CliTest.Run run = CliTest.hyp("run", spec(2, 1).toString(), "--timeout", "99999999999h",
        "--out", dir.resolve("run").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
  }

  @Test
  void outNamingAFileSaysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertOneLineExit2(CliTest.hyp("run", spec(2, 1).toString(), "--out", file.toString()),
        "hyp: " + file + " is a file, not a folder; name a folder with --out");
  }

  @Test
  void aReadOnlyRunFolderSaysSo() throws Exception {
    try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("ro"), 512)) {
      Assumptions.assumeTrue(fs != null, "needs the right to mount a tmpfs (root, as on CI)");
      fs.makeReadOnly();
      assertOneLineExit2(CliTest.hyp("run", spec(2, 1).toString(), "--out", fs.path().resolve("run").toString()),
          "hyp: cannot write the run folder " + fs.path().resolve("run") + ": Read-only file system");
    }
  }

  @Test
  void aDiskThatFillsMidRunStopsItWithoutLosingFinishedTrials() throws Exception {
    try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("small"), 4096)) {
      Assumptions.assumeTrue(fs != null, "needs the right to mount a tmpfs (root, as on CI)");
      Path out = fs.path().resolve("run");
      String spec = spec(400, 30).toString();
      CompletableFuture<CliTest.Run> run = CompletableFuture.supplyAsync(() -> CliTest.hyp("run", spec, "--out",
          out.toString()));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(out.resolve("best.json")) && !run.isDone() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      fs.fill();
      CliTest.Run stopped = run.get(3, TimeUnit.MINUTES);
      assertOneLineExit2(stopped, "hyp: the run stopped: cannot write to " + out);
      assertTrue(stopped.err().contains("free some space"), stopped.err());

      fs.freeUp();
      CliTest.Run trials = CliTest.hyp("trials", out.toString(), "--format", "json");
      assertEquals(0, trials.exit(), trials.err());
      JsonNode before = new ObjectMapper().readTree(trials.out());
      long complete = 0;
      for (JsonNode row : before) {
        complete += row.get("state").asText().equals("complete") ? 1 : 0;
      }
      assertTrue(complete >= 1, "a trial had completed before the disk filled: " + before);
      CliTest.Run resumed = CliTest.hyp("run", spec, "--out", out.toString(), "--trials", String.valueOf(complete + 1));
      assertEquals(0, resumed.exit(), resumed.out() + resumed.err());
      assertTrue(resumed.out().contains("hyp: resuming: "), resumed.out());
    }
  }

  @Test
  void aReadOnlyRunFolderCanStillBeRead() throws Exception {
    try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("kept"), 4096)) {
      Assumptions.assumeTrue(fs != null, "needs the right to mount a tmpfs (root, as on CI)");
      Path out = fs.path().resolve("run");
      assertEquals(0, CliTest.hyp("run", spec(3, 2).toString(), "--out", out.toString()).exit());
      fs.makeReadOnly(); // as an archived or someone else's run folder
      CliTest.Run trials = CliTest.hyp("trials", out.toString(), "--format", "json");
      assertEquals(0, trials.exit(), trials.err());
      assertEquals(3, new ObjectMapper().readTree(trials.out()).size(), trials.out());
      CliTest.Run best = CliTest.hyp("best", out.toString());
      assertEquals(0, best.exit(), best.err());
      CliTest.Run report = CliTest.hyp("report", out.toString(), "-o", dir.resolve("report.html").toString());
      assertEquals(0, report.exit(), report.err());
    }
  }
}
