package dev.hyp.runtime.progress;

import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialFormat;
import dev.hyp.runtime.trial.TrialState;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a line per finished trial: its number, state, metric, parameters, epochs and time. */
final class TrialLines implements StudyListener {
  private final PrintWriter out;
  private final String metric;

  TrialLines(PrintWriter out, String metric) {
    this.out = out;
    this.metric = metric;
  }

  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    String line = line(trial);
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  String line(FrozenTrial trial) {
    return String.format(Locale.ROOT, "trial %3d %-8s %s  %s  (%d epochs, %s)", trial.number(),
        trial.state().name().toLowerCase(Locale.ROOT), outcome(trial), TrialFormat.params(trial.params().asMap()),
        trial.intermediate().size(), TrialFormat.seconds(trial));
  }

  private String outcome(FrozenTrial trial) {
    if (trial.state() == TrialState.FAILED) {
      return "failed: " + trial.reason();
    }
    return trial.value() == null ? metric + " -" : String.format(Locale.ROOT, "%s %.4f", metric, trial.value());
  }
}
