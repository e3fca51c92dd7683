package dev.hyp.runtime.study;

import dev.hyp.runtime.sampler.SearchSpaceExhaustedException;
import dev.hyp.runtime.storage.StorageException;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One call of {@link Study#optimize}: {@code parallel} workers each ask, evaluate and tell until a
 * limit is hit. Running trials are allowed to finish; no new trial starts after a stop. When the
 * budget is taken but trials of other processes still run, a worker waits for them: if one of
 * those processes dies, its trials are marked interrupted and their places are run here.
 */
final class OptimizeLoop {
  private final Study study;
  private final Objective objective;
  private final StudyOptions options;
  private final long startNanos = System.nanoTime();
  private final long timeoutNanos;
  private final AtomicReference<StopReason> stop = new AtomicReference<>();
  private final AtomicInteger failures = new AtomicInteger();
  /** How often a worker whose budget is taken looks again at other processes' running trials. */
  static final Duration ELSEWHERE_POLL = Duration.ofMillis(500);

  OptimizeLoop(Study study, Objective objective, StudyOptions options) {
    this.study = study;
    this.objective = objective;
    this.options = options;
    this.timeoutNanos = nanos(options.timeout());
  }

  /** The timeout in nanoseconds, saturating: a timeout of centuries is as good as none. */
  private static long nanos(Duration timeout) {
    if (timeout == null || timeout.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0) {
      return Long.MAX_VALUE;
    }
    return timeout.toNanos();
  }

  StudyResult run() {
    List<FrozenTrial> before = study.trials();
    failures.set((int) before.stream().filter(t -> t.state() == TrialState.FAILED && !t.isInterrupted()).count());
    checkFailures();
    if (options.target() != null) {
      study.bestTrial().ifPresent(this::checkTarget);
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
      Thread t = new Thread(r, "hyp-trial-" + study.name());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < options.parallel(); i++) {
        workers.add(pool.submit(this::work));
      }
      for (Future<?> w : workers) {
        await(w);
      }
    } finally {
      pool.shutdownNow();
    }
    return new StudyResult(stop.get(), study.bestTrial(), study.trials());
  }

  private void work() {
    int budget = options.trials() == null ? Integer.MAX_VALUE : options.trials();
    while (stop.get() == null) {
      if (study.stopRequested()) {
        stop.compareAndSet(null, StopReason.INTERRUPTED);
        return;
      }
      if (System.nanoTime() - startNanos >= timeoutNanos) {
        stop.compareAndSet(null, StopReason.TIMEOUT);
        return;
      }
      Optional<Trial> trial;
      try {
        trial = study.ask(budget);
      } catch (SearchSpaceExhaustedException e) {
        stop.compareAndSet(null, StopReason.SPACE_EXHAUSTED);
        return;
      }
      if (trial.isEmpty()) {
        if (study.budgetMayFreeUp() && pause(ELSEWHERE_POLL)) {
          continue;
        }
        stop.compareAndSet(null, StopReason.TRIALS);
        return;
      }
      evaluate(trial.get());
    }
  }

  private void evaluate(Trial trial) {
    Outcome value;
    try {
      value = objective.outcome(trial);
    } catch (TrialPrunedException e) {
      study.tell(trial, TrialState.PRUNED);
      return;
    } catch (TrialInterruptedException e) {
      study.fail(trial, FrozenTrial.INTERRUPTED); // neither a failure nor a place in the budget
      return;
    } catch (StudyAbortedException | StorageException e) {
      throw e; // nothing can be recorded or kept: every further trial would fail the same way
    } catch (Exception e) {
      recordFailure(trial, describe(e));
      return;
    } catch (Error e) {
      // the JVM may be unusable; keep the record straight, then let the error end the study
      recordFailure(trial, describe(e));
      throw e;
    }
    study.tell(trial, value);
    FrozenTrial told = study.frozen(trial);
    if (told.state() == TrialState.FAILED) {
      failures.incrementAndGet();
      checkFailures();
    } else {
      checkTarget(told);
    }
  }

  private void recordFailure(Trial trial, String reason) {
    study.fail(trial, reason);
    failures.incrementAndGet();
    checkFailures();
  }

  private void checkFailures() {
    if (options.maxFailures() != null && failures.get() >= options.maxFailures()) {
      stop.compareAndSet(null, StopReason.MAX_FAILURES);
    }
  }

  private void checkTarget(FrozenTrial t) {
    if (options.target() != null && t.state() == TrialState.COMPLETE && t.isFeasible()
        && study.direction().reaches(t.value(), options.target())) {
      stop.compareAndSet(null, StopReason.TARGET);
    }
  }

  /** Sleeps; false when interrupted (the run is ending). */
  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  private static void await(Future<?> worker) {
    try {
      worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for trials", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
