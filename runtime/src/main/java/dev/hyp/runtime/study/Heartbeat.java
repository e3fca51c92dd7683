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
 * so that a process on another host can tell them from abandoned ones. Beats only while trials
 * run, on one daemon thread shared by all studies.
 */
final class Heartbeat {
  private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

  private final Storage storage;
  private final long studyId;
  private final Duration every;
  private final Set<Integer> running = new HashSet<>();
  private ScheduledFuture<?> task;

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
    // sequential ask/tell cancels a beat per trial: drop those at once instead of at their time
    s.setRemoveOnCancelPolicy(true);
    return s;
  }

  synchronized void started(int number) {
    running.add(number);
    if (task == null) {
      long millis = every.toMillis();
      task = SCHEDULER.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  synchronized void finished(int number) {
    running.remove(number);
    if (running.isEmpty() && task != null) {
      task.cancel(false);
      task = null;
    }
  }

  private void beat() {
    List<Integer> numbers;
    synchronized (this) {
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
