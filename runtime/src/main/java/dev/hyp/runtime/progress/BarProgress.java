package dev.hyp.runtime.progress;

import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress in a terminal: a bar at the bottom (done/budget, elapsed, ETA, running, pruned,
 * failed, best so far) that the library redraws every second, with each finished trial's line
 * printed above it.
 */
final class BarProgress implements StudyListener, AutoCloseable {
  /** Terminals narrower than this get the compact status, so that the bar keeps some room. */
  private static final int WIDE = 120;
  private final TrialLines lines;
  private final SearchProgress progress;
  private final String metric;
  private final BarConsumer consumer;
  private final ProgressBar bar;

  BarProgress(PrintWriter out, String experiment, String metric, SearchProgress progress) {
    this(out, experiment, metric, progress, new BarConsumer(out));
  }

  BarProgress(PrintWriter out, String experiment, String metric, SearchProgress progress, BarConsumer consumer) {
    this.lines = new TrialLines(out, metric);
    this.progress = progress;
    this.metric = metric;
    this.consumer = consumer;
    ProgressSnapshot now = progress.snapshot();
    this.bar = new ProgressBarBuilder()
        .setTaskName(experiment)
        .setInitialMax(now.budget() == null ? -1 : now.budget())
        .startsFrom(now.done(), Duration.ZERO)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(1000)
        .setConsumer(consumer)
        // one definition of the ETA for the bar and the plain lines
        .setEtaFunction(state -> Optional.ofNullable(progress.snapshot().eta()))
        .build();
    bar.setExtraMessage(now.status(metric, consumer.getMaxRenderedLength() < WIDE));
  }

  @Override
  public void trialStarted(Study study, FrozenTrial trial) {
    progress.started();
    update();
  }

  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    progress.finished(trial);
    consumer.printAbove(lines.line(trial));
    update();
  }

  private void update() {
    ProgressSnapshot now = progress.snapshot();
    bar.setExtraMessage(now.status(metric, consumer.getMaxRenderedLength() < WIDE));
    bar.stepTo(now.done());
    bar.refresh();
  }

  @Override
  public void close() {
    bar.close();
  }
}
