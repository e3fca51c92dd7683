package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `auto` (the default strategy) says it runs is what it runs: with several objectives, MOTPE. */
class AutoChoiceTest {
  @TempDir
  Path dir;

  @Test
  void severalObjectivesWithoutASearchBlockRunMotpeAndSaySo() throws Exception {
    StringBuilder rows = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1,x\n" : "1." + i + ",0,z\n");
    }
    Files.writeString(dir.resolve("t.csv"), rows);
    Path spec = Files.writeString(dir.resolve("two.hyp"), """
        experiment two {
          seed = 1
          data {
            source = csv("t.csv", label = "y")
            split  = holdout(validation = 0.3)
          }
          params {
            units = int(2, 8)
          }
          model {
            dense(units = units)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 1
            batch  = 8
          }
          objective = maximize accuracy on validation, minimize params
        }
        """);
    Path out = dir.resolve("run");
    CliTest.Run run = CliTest.hyp("run", spec.toString(), "--trials", "2", "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("hyp: search auto runs motpe (the search has several objectives"), run.out());
    assertEquals("motpe", new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("search").path("runs")
        .asText(), "run.json keeps what auto chose");
  }
}
