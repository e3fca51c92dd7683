package dev.hyp.runtime.progress;

import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress for logs and CI: a line per finished trial and, at most once per interval, a line
 * saying where the search stands. No carriage returns or escape codes.
 */
final class PlainProgress implements StudyListener {
  private final PrintWriter out;
  private final TrialLines lines;
  private final SearchProgress progress;
  private final String metric;
  private final Duration interval;
  private final Clock clock;
  private Instant lastStatus;

  PlainProgress(PrintWriter out, String metric, SearchProgress progress, Duration interval, Clock clock) {
    this.out = out;
    this.lines = new TrialLines(out, metric);
    this.progress = progress;
    this.metric = metric;
    this.interval = interval;
    this.clock = clock;
    this.lastStatus = clock.instant();
  }

  @Override
  public void trialStarted(Study study, FrozenTrial trial) {
    progress.started();
  }

  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    progress.finished(trial);
    String line = lines.line(trial);
    synchronized (out) {
      out.println(line);
      Instant now = clock.instant();
      if (!now.isBefore(lastStatus.plus(interval))) {
        lastStatus = now;
        out.println(progress.snapshot().line(metric));
      }
      out.flush();
    }
  }
}
