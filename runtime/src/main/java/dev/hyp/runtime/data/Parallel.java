package dev.hyp.runtime.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Independent tasks of loading a large table (blocks of rows to encode, columns to fit) shared by
 * the cores: each thread takes the next task in order until none is left, the caller one of the
 * threads. Each task writes only its own part of the result, so the result is the same on any
 * number of threads; a failure is rethrown as it was thrown (the same exception, the same message).
 */
public final class Parallel {
  private Parallel() {}

  /** Below this many rows a table is loaded on one thread: starting another costs more than it wins. */
  public static final int FROM_ROWS = 1 << 16;

  /** The threads for work over {@code rows} rows: one for a small table, else the cores (at most 8). */
  public static int threadsFor(long rows) {
    return rows < FROM_ROWS ? 1 : Math.min(8, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs tasks {@code 0 .. count - 1} on at most {@code threads} threads; each thread asks {@code
   * worker} once for the task runner it uses (its own scratch arrays). Returns when every task ran.
   */
  public static void forEach(int count, int threads, Supplier<IntConsumer> worker) {
    int extra = Math.min(threads, count) - 1;
    if (extra <= 0) {
      IntConsumer task = worker.get();
      for (int i = 0; i < count; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Runnable run = () -> {
      try {
        IntConsumer task = worker.get();
        for (int i = next.getAndIncrement(); i < count && failed.get() == null; i = next.getAndIncrement()) {
          task.accept(i);
        }
      } catch (RuntimeException | Error e) {
        failed.compareAndSet(null, e);
      }
    };
    List<Thread> started = new ArrayList<>(extra);
    for (int t = 0; t < extra; t++) {
      Thread thread = new Thread(run, "hyp-data-" + (t + 1));
      thread.setDaemon(true);
      thread.start();
      started.add(thread);
    }
    run.run();
    boolean interrupted = false;
    for (Thread thread : started) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the threads write into the caller's arrays: wait for them all the same
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = failed.get();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }
}
