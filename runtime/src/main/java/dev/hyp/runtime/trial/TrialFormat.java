package dev.hyp.runtime.trial;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How trials read in text: parameters as `name=value`, numbers to four digits, durations in seconds. */
public final class TrialFormat {
  private TrialFormat() {}

  /** {@code lr=0.001000 depth=2}: each parameter as {@link #value} writes it. */
  public static String params(Map<String, Object> params) {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" "));
  }

  /** A parameter's value: a double to four significant digits (scientific when very small or large). */
  public static String value(Object value) {
    if (value instanceof Double d) {
      if (d == 0) {
        return "0";
      }
      return Math.abs(d) >= 1e-3 && Math.abs(d) < 1e4 ? String.format(Locale.ROOT, "%.4g", d)
          : String.format(Locale.ROOT, "%.3e", d);
    }
    return String.valueOf(value);
  }

  /** How long the trial ran, such as {@code 1.2s}, or {@code running}. */
  public static String seconds(FrozenTrial trial) {
    if (trial.finishedAt() == null) {
      return "running";
    }
    return String.format(Locale.ROOT, "%.1fs", Duration.between(trial.startedAt(), trial.finishedAt()).toMillis() / 1000.0);
  }
}
