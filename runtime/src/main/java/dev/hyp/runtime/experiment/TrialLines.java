package dev.hyp.runtime.experiment;

import dev.hyp.runtime.study.FrozenTrial;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.study.TrialState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
        trial.state().name().toLowerCase(Locale.ROOT), outcome(trial), params(trial.params().asMap()),
        trial.intermediate().size(), seconds(trial));
  }

  private String outcome(FrozenTrial trial) {
    if (trial.state() == TrialState.FAILED) {
      return "failed: " + trial.reason();
    }
    return trial.value() == null ? metric + " -" : String.format(Locale.ROOT, "%s %.4f", metric, trial.value());
  }

  static String params(Map<String, Object> params) {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue())).collect(Collectors.joining(" "));
  }

  static String format(Object value) {
    if (value instanceof Double d) {
      if (d == 0) {
        return "0";
      }
      return Math.abs(d) >= 1e-3 && Math.abs(d) < 1e4 ? String.format(Locale.ROOT, "%.4g", d)
          : String.format(Locale.ROOT, "%.3e", d);
    }
    return String.valueOf(value);
  }

  static String seconds(FrozenTrial trial) {
    if (trial.finishedAt() == null) {
      return "running";
    }
    return String.format(Locale.ROOT, "%.1fs", Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0);
  }
}
