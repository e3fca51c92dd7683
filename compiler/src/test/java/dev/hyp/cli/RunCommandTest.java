package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hyp run` on small specs: what a user sees when the data is bad or a trial blows up. */
class RunCommandTest {
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
          updater = sgd(lr = LR)
          dense(units = 4)
          output(activation = softmax, loss = mcxent)
        }
        train {
          epochs = 3
          batch  = 4
        }
        search random {
          trials = 3
        }
        objective = maximize accuracy on validation
      }
      """;

  private Path spec(String lr) throws IOException {
    Path file = dir.resolve("tiny.hyp");
    Files.writeString(file, SPEC.replace("LR", lr));
    return file;
  }

  private void data(String rows) throws IOException {
    Files.writeString(dir.resolve("t.csv"), "a,b,y\n" + rows);
  }

  private static String separable() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1," + "x\n" : "1." + i + ",0," + "z\n");
    }
    return rows.toString();
  }

  @Test
  void aNonNumericCellStopsTheRunWithItsFileRowAndColumn() throws IOException {
    data("1,2,x\n3,oops,z\n5,6,x\n");
    CliTest.Run run = CliTest.hyp("run", spec("lr").toString(), "--out", dir.resolve("run").toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("t.csv"), run.err());
    assertTrue(run.err().contains("row 3"), run.err());
    assertTrue(run.err().contains("`b`"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
  }

  @Test
  void aTrialWhoseLossBlowsUpIsRecordedAsFailedAndTheRunGoesOn() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      rows.append(i).append(',').append(i % 7).append(',').append(3 * i + 1).append('\n');
    }
    data(rows.toString());
    Path regression = dir.resolve("regression.hyp");
    Files.writeString(regression, SPEC.replace("LR", "lr * 1e12")
        .replace("output(activation = softmax, loss = mcxent)", "output(activation = identity, loss = mse)")
        .replace("maximize accuracy", "minimize mse"));
    CliTest.Run run = CliTest.hyp("run", regression.toString(), "--out", dir.resolve("run").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("3 failed"), run.out());
    JsonNode trials = new ObjectMapper().readTree(CliTest.hyp("trials", dir.resolve("run").toString(), "--format", "json").out());
    assertEquals(3, trials.size());
    for (JsonNode trial : trials) {
      assertEquals("failed", trial.get("state").asText());
      assertTrue(trial.get("reason").asText().contains("the loss became"), trial.toString());
    }
  }

  @Test
  void aRunAgainContinuesTheStudyAndCountsTheBudgetFromWhatWasDone() throws IOException {
    data(separable());
    String out = dir.resolve("run").toString();
    assertEquals(0, CliTest.hyp("run", spec("lr").toString(), "--out", out, "--trials", "2").exit());
    CliTest.Run again = CliTest.hyp("run", spec("lr").toString(), "--out", out, "--trials", "3");
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("resuming: 2 trials already done"), again.out());
    assertEquals(3, new ObjectMapper().readTree(CliTest.hyp("trials", out, "--format", "json").out()).size());
  }

  @Test
  void withoutASearchBlockAutoSaysWhatItChoseInTheFirstLinesAndInRunJson() throws IOException {
    data(separable());
    Path file = dir.resolve("auto.hyp");
    Files.writeString(file, SPEC.replace("LR", "lr").replace("""
          search random {
            trials = 3
          }
        """, ""));
    String out = dir.resolve("run").toString();
    CliTest.Run run = CliTest.hyp("run", file.toString(), "--out", out, "--trials", "1");
    assertEquals(0, run.exit(), run.out() + run.err());
    String second = run.out().lines().skip(1).findFirst().orElse("");
    assertTrue(second.startsWith("hyp: search auto runs gp for the first 250 trials, then cmaes (every parameter is a"
        + " number"), run.out());
    JsonNode search = new ObjectMapper().readTree(dir.resolve("run").resolve("run.json").toFile()).get("search");
    assertEquals("auto", search.get("strategy").asText());
    assertEquals("gp for the first 250 trials, then cmaes", search.get("runs").asText());
  }

  @Test
  void aChangedModelStartsANewVersionAndKeepsTheOldOneReadable() throws IOException {
    data(separable());
    Path out = dir.resolve("run");
    assertEquals(0, CliTest.hyp("run", spec("lr").toString(), "--out", out.toString(), "--trials", "1").exit());
    CliTest.Run changed = CliTest.hyp("run", spec("lr / 2").toString(), "--out", out.toString(), "--trials", "1");
    assertEquals(0, changed.exit(), changed.err());
    assertTrue(changed.out().contains("hyp: new version 2, nothing carries: "), changed.out());
    assertEquals(1, new ObjectMapper().readTree(CliTest.hyp("trials", out.toString(), "--format", "json").out())
        .size(), "the current version's trials");
    try (var storage = dev.hyp.runtime.storage.Storages.openForReading(out.resolve("hyp.db").toString())) {
      assertEquals(1, storage.trials(storage.findStudy("tiny").orElseThrow().id()).size(), "version 1 kept");
    }
    assertTrue(Files.isRegularFile(out.resolve("versions/1/spec.hyp")));
    assertTrue(Files.readString(out.resolve("versions/2/spec.hyp")).contains("lr / 2"));
    CliTest.Run fresh = CliTest.hyp("run", spec("lr / 2").toString(), "--out", out.toString(), "--trials", "1",
        "--no-resume");
    assertEquals(0, fresh.exit(), fresh.err());
    assertTrue(fresh.out().contains("hyp: new version 3, nothing carries: --no-resume"), fresh.out());
  }
}
