package dev.hyp.runtime.study;

import dev.hyp.runtime.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tells the storage, every so often, that this process's running trials of one study are alive,
 * so that a process on another host can tell them from abandoned ones. Beats while trials run, on
 * one daemon thread shared by all studies; the first beat that finds none running stops the beats
 * (rather than the last trial's end), so that a sequential ask and tell, which has no trial
 * running between a tell and the next ask, does not schedule a beat, wake that thread and cancel
 * the beat again for every trial.
 */
final class Heartbeat {
  private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

  private final Storage storage;
  private final long studyId;
  private final Duration every;
  private final Set<Integer> running = new HashSet<>();
  private ScheduledFuture<?> task;
  /** How many times beats were scheduled (for the tests). */
  private int scheduled;

  Heartbeat(Storage storage, long studyId, Duration every) {
    this.storage = storage;
    this.studyId = studyId;
    this.every = every;
  }

  private static ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "hyp-heartbeat");
      t.setDaemon(true);
      return t;
    });
    // a cancelled beat leaves the queue at once instead of at its time
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  synchronized void started(int number) {
    running.add(number);
    if (task == null) {
      long millis = every.toMillis();
      task = SCHEDULER.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
      scheduled++;
    }
  }

  synchronized void finished(int number) {
    running.remove(number);
  }

  synchronized int scheduled() {
    return scheduled;
  }

  private void beat() {
    List<Integer> numbers;
    synchronized (this) {
      if (running.isEmpty()) {
        if (task != null) {
          task.cancel(false);
          task = null;
        }
        return;
      }
      numbers = List.copyOf(running);
    }
    try {
      storage.heartbeat(studyId, numbers, Instant.now());
    } catch (RuntimeException e) {
      // a closed or unreachable storage: the next beat tries again, and a few missed beats only
      // matter to other hosts after ProcessOwner.STALE_AFTER
    }
  }
}
