package dev.hyp.runtime.progress;

import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Chooses how a run shows progress: a bar in a terminal, plain lines anywhere else. */
public final class ProgressViews {
  /** How often plain output says where the search stands, between trial lines. */
  static final Duration STATUS_INTERVAL = Duration.ofSeconds(30);

  private ProgressViews() {}

  /** The listener to add to the study; close it when the search ends to finish the bar. */
  public static Listener open(PrintWriter out, String experiment, String metric, Direction direction, Integer budget,
      List<FrozenTrial> earlier) {
    SearchProgress progress = new SearchProgress(budget, direction, earlier, Clock.systemUTC());
    if (isTerminal()) {
      BarProgress bar = new BarProgress(out, experiment, metric, progress);
      return new Listener(bar, bar::close);
    }
    return new Listener(new PlainProgress(out, metric, progress, STATUS_INTERVAL, Clock.systemUTC()), () -> { });
  }

  /**
   * A bar only when a person watches: stdout is a terminal (Java 17's System.console() is null
   * when it is redirected), not CI, and the terminal is not dumb.
   */
  static boolean isTerminal() {
    return System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"))
        && !"dumb".equals(System.getenv("TERM"));
  }

  public record Listener(StudyListener listener, Runnable closer) implements AutoCloseable {
    @Override
    public void close() {
      closer.run();
    }
  }
}
