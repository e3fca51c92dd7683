package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.cli.Main;
import dev.hyp.runtime.report.TrialTable;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hyp trials` on a 400-trial run: --state, --sort, --top, --columns, and a table that fits 80 columns. */
class TrialsOptionsTest {
  @TempDir
  static Path root;
  static Path run;
  static List<FrozenTrial> trials;

  record Out(int exit, String out, String err) {}

  @BeforeAll
  static void aBigRun() throws Exception {
    trials = RunFixture.trials(400, 17);
    run = RunFixture.write(root.resolve("deep"), trials);
  }

  static Out hyp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Out(exit, out.toString(), err.toString());
  }

  @Test
  void topGivesTheBestTrialsBestFirstAndStateKeepsOnlyThoseStates() {
    Out top = hyp("trials", run.toString(), "--top", "3", "--columns", "lr,depth");
    assertEquals(0, top.exit(), top.err());
    List<String> lines = top.out().lines().toList();
    assertEquals(4, lines.size(), top.out());
    assertEquals(List.of("trial", "state", "accuracy", "lr", "depth"), List.of(lines.get(0).split("\\s+")));
    double best = trials.stream().filter(t -> t.value() != null && t.state().name().equals("COMPLETE"))
        .mapToDouble(FrozenTrial::value).max().orElseThrow();
    assertTrue(lines.get(1).contains(String.format(java.util.Locale.ROOT, "%.4f", best)), top.out());
    Out pruned = hyp("trials", run.toString(), "--state", "pruned,failed", "--sort", "-number", "--format", "csv");
    assertEquals(0, pruned.exit(), pruned.err());
    List<String> rows = pruned.out().lines().skip(1).toList();
    assertEquals(trials.stream().filter(t -> !t.state().name().equals("COMPLETE")).count(), rows.size());
    assertTrue(rows.stream().allMatch(r -> r.split(",")[1].matches("pruned|failed")), pruned.out());
    assertTrue(Integer.parseInt(rows.get(0).split(",")[0]) > Integer.parseInt(rows.get(1).split(",")[0]), "-number");
    Out byLr = hyp("trials", run.toString(), "--sort", "lr", "--format", "json");
    assertEquals(0, byLr.exit(), byLr.err());
  }

  @Test
  void aNameItDoesNotKnowIsOneLineAndExitTwo() {
    for (String[] args : List.of(new String[] {"--state", "done"}, new String[] {"--sort", "speed"},
        new String[] {"--top", "0"}, new String[] {"--columns", "lr,colour"})) {
      String[] full = new String[args.length + 2];
      full[0] = "trials";
      full[1] = run.toString();
      System.arraycopy(args, 0, full, 2, args.length);
      Out out = hyp(full);
      assertEquals(2, out.exit(), String.join(" ", args) + ": " + out.err());
      assertEquals(1, out.err().lines().count(), out.err());
      assertTrue(out.err().startsWith("hyp: " + args[0] + " "), out.err());
    }
  }

  @Test
  void aTableOfManyParametersFitsEightyColumnsAndSaysWhatItLeftOut() {
    String table = new TrialTable(trials, "accuracy").table(80);
    List<String> lines = table.lines().toList();
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), table.lines().filter(l -> l.length() > 80)
        .findFirst().orElse(""));
    assertTrue(lines.get(0).startsWith("trial  state     accuracy"), lines.get(0));
    assertTrue(lines.get(0).contains("lr") && lines.get(0).contains("epochs"), "the first parameters stay: " + lines.get(0));
    assertTrue(table.contains("(left out to fit 80 columns, --columns picks them: reason, decay, momentum,"), table);
    assertTrue(table.endsWith(")\n"), table);
  }
}
