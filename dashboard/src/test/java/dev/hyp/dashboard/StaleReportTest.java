package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.cli.Main;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed before its report (or between two rewrites) has it brought up to date by `hyp trials`. */
class StaleReportTest {
  @Test
  void hypTrialsWritesAMissingOrStaleReportFromTheDatabase(@TempDir Path directory) throws Exception {
    Path run = RunFixture.write(directory.resolve("deep"), RunFixture.trials(12, 5));
    Path report = run.resolve(HtmlReport.FILE);
    assertFalse(Files.exists(report));
    StringWriter err = new StringWriter();
    assertEquals(0, Main.run(new String[] {"trials", run.toString(), "--format", "csv"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err, true)));
    List<FrozenTrial> trials = Storages.trialsOf(run, null, RunFixture.EXPERIMENT);
    assertTrue(HtmlReport.isCurrent(report, trials), "the report of the 12 trials");
    assertTrue(err.toString().contains("was behind the study"), err.toString());

    StringWriter again = new StringWriter();
    Main.run(new String[] {"trials", run.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(again, true));
    assertEquals("", again.toString(), "a current report is left alone");

    Files.writeString(report, "<!DOCTYPE html><meta name=\"hyp-trials\" content=\"3-0\">"); // as a killed run left it
    Main.run(new String[] {"trials", run.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertTrue(HtmlReport.isCurrent(report, trials));
  }
}
