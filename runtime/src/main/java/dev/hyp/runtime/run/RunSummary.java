package dev.hyp.runtime.run;

import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialFormat;
import dev.hyp.runtime.trial.TrialState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The end of a run: why it stopped, the counts, the leaderboard and where things are. */
record RunSummary(PrintWriter out, ExperimentDefinition.ObjectiveDefinition objective, Path directory) {
  void print(StudyResult result, Duration elapsed) {
    out.printf(Locale.ROOT, "%nhyp: stopped (%s) after %.1fs: %s%n",
        result.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' '), elapsed.toMillis() / 1000.0,
        counts(result.trials()));
    List<FrozenTrial> top = result.trials().stream()
        .filter(t -> t.state() == TrialState.COMPLETE)
        .sorted(new BestTrialOrder(objective.direction())) // the best first, as best-model.zip holds it
        .limit(5)
        .toList();
    if (top.isEmpty()) {
      out.println("hyp: no trial completed");
    } else {
      out.printf(Locale.ROOT, "%n%-6s %-12s %-7s %-8s %s%n", "trial", objective.metric(), "epochs", "time", "params");
      for (FrozenTrial trial : top) {
        out.printf(Locale.ROOT, "%-6d %-12.4f %-7d %-8s %s%s%n", trial.number(), trial.value(),
            trial.intermediate().size(), TrialFormat.seconds(trial), TrialFormat.params(trial.params().asMap()),
            trial.isCarried() ? "  (carried from " + trial.carriedFrom() + ")" : "");
      }
      out.println();
      out.println("hyp: best model: " + directory.resolve(BestModel.MODEL) + " (" + directory.resolve(BestModel.SUMMARY)
          + ")");
    }
    if (Files.isRegularFile(directory.resolve(HtmlReport.FILE))) {
      out.println("hyp: report:     " + directory.resolve(HtmlReport.FILE));
    }
    out.println("hyp: every trial: hyp trials " + directory + " --format table|csv|json");
    out.flush();
  }

  /**
   * What this run did: trials carried from an earlier version were not run here and a trial whose
   * process died did not fail, so each is counted apart (and only when there is one).
   */
  static String counts(List<FrozenTrial> trials) {
    List<FrozenTrial> ranHere = trials.stream().filter(t -> !t.isCarried()).toList();
    long interrupted = ranHere.stream().filter(FrozenTrial::isInterrupted).count();
    long failed = ranHere.stream().filter(t -> t.state() == TrialState.FAILED).count() - interrupted;
    String counts = String.format(Locale.ROOT, "%d complete, %d pruned, %d failed", count(ranHere, TrialState.COMPLETE),
        count(ranHere, TrialState.PRUNED), failed);
    if (interrupted > 0) {
      counts += ", " + interrupted + " interrupted";
    }
    long carried = trials.size() - ranHere.size();
    return carried > 0 ? counts + "; " + carried + " carried from earlier versions" : counts;
  }

  private static long count(List<FrozenTrial> trials, TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }
}
