package dev.hyp.runtime.progress;

import java.time.Duration;
import java.util.Locale;

/**
 * A search's standing at one moment.
 *
 * @param budget null when only a timeout or target ends the search
 * @param best null until a trial completes
 * @param eta null when it cannot be estimated yet (no budget, nothing finished)
 */
record ProgressSnapshot(int done, Integer budget, int running, int pruned, int failed, Double best, int bestTrial,
    Duration elapsed, Duration eta) {

  /** The counts and best value, for beside the progress bar; compact leaves the bar room in narrow terminals. */
  String status(String metric, boolean compact) {
    if (compact) {
      // the best first: a line too long for the terminal loses its end, and the counts matter less
      return String.format(Locale.ROOT, "best %s · %d run %d pruned %d failed",
          best == null ? "-" : String.format(Locale.ROOT, "%.4f", best), running, pruned, failed);
    }
    return String.format(Locale.ROOT, "running %d · pruned %d · failed %d · %s", running, pruned, failed,
        best(metric));
  }

  /** One plain line for logs and CI, where a bar would be noise. */
  String line(String metric) {
    return String.format(Locale.ROOT, "hyp: %d%s trials done, %d running, %d pruned, %d failed; %s; %s elapsed%s",
        done, budget == null ? "" : "/" + budget, running, pruned, failed, best(metric), clock(elapsed),
        eta == null ? "" : ", about " + clock(eta) + " left");
  }

  private String best(String metric) {
    return best == null ? "no " + metric + " yet"
        : String.format(Locale.ROOT, "best %s %.4f (trial %d)", metric, best, bestTrial);
  }

  static String clock(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
