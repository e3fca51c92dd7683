package dev.hyp.runtime.run;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Keeps report.html in step with a running search, so that one is there to open at any time and
 * a killed run leaves a recent one: rewritten after the first finished trial, then once
 * {@link #EVERY_TRIALS} more have finished or {@link #EVERY_MILLIS} have passed with one finished.
 * The writing happens on one thread of its own, never a trial's, one write at a time (a write
 * asked for while one runs is folded into the next), atomically ({@link HtmlReport#write}).
 */
final class LiveReport implements StudyListener, AutoCloseable {
  static final int EVERY_TRIALS = 5;
  static final long EVERY_MILLIS = 30_000;

  private final Path file;
  private final Function<List<FrozenTrial>, ReportInput> input;
  private final PrintWriter err;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "hyp-live-report");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean warned = new AtomicBoolean();
  private int finishedSinceWrite;
  private long lastWrite;
  private boolean written;

  LiveReport(Path file, Function<List<FrozenTrial>, ReportInput> input, PrintWriter err) {
    this.file = file;
    this.input = input;
    this.err = err;
  }

  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    long now = System.currentTimeMillis();
    synchronized (this) {
      finishedSinceWrite++;
      if (written && finishedSinceWrite < EVERY_TRIALS && now - lastWrite < EVERY_MILLIS) {
        return;
      }
      written = true;
      finishedSinceWrite = 0;
      lastWrite = now;
    }
    if (queued.compareAndSet(false, true)) {
      try {
        writer.execute(() -> {
          queued.set(false);
          write(study);
        });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        queued.set(false); // the run is ending: its final report follows
      }
    }
  }

  private void write(Study study) {
    try {
      HtmlReport.write(input.apply(study.trials()), file);
    } catch (Exception e) {
      // the study is safe in its database; the final report, or `hyp report`, tries again
      if (warned.compareAndSet(false, true)) {
        err.println("hyp: could not update the report during the run: " + ExperimentRun.reason(e));
      }
    }
  }

  /** Waits for a write under way, so the final report is written after it, not under it. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
