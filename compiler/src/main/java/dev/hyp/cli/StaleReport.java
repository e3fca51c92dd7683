package dev.hyp.cli;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder's report.html brought up to its database by the commands that read the run
 * (`trials`, `best`): a run killed between two rewrites leaves a report behind its trials, or
 * none. Cheap when the report is current (its stamp is read from the file's first lines).
 */
final class StaleReport {
  private StaleReport() {}

  /** Rewrites the current version's report when it is missing or behind; a failure only warns. */
  static void refresh(Path directory, PrintWriter err) {
    try {
      RunInfo info = RunInfo.read(directory);
      List<FrozenTrial> trials = RunFolder.trials(directory, info);
      Path file = directory.resolve(HtmlReport.FILE);
      if (trials.isEmpty() || HtmlReport.isCurrent(file, trials)) {
        return;
      }
      HtmlReport.write(new ReportInput(info.experiment(), info.metric(), info.split(), info.maximize(), trials,
          info.params(), BestFront.objectives(directory, new RunFolder.Selected(info.versionNumber(), info))), file);
      err.println("hyp: " + file + " was behind the study (a run stopped before writing it); it is up to date now");
    } catch (IOException | RuntimeException e) {
      err.println("hyp: could not bring " + directory.resolve(HtmlReport.FILE) + " up to date: " + e.getMessage()
          + " (`hyp report " + directory + "` tries again)");
    }
  }
}
