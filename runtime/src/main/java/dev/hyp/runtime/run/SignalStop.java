package dev.hyp.runtime.run;

import dev.hyp.runtime.dl4j.Dl4jEnvironment;
import dev.hyp.runtime.study.Study;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) during a search: the first stops it gracefully (no new trial;
 * running trials end at their next epoch as interrupted, to run again when the study continues;
 * the report is written) and the run exits 143 or 130; a second one exits at once. Without this,
 * the JVM would exit at the first signal, leaving running trials marked running until the next
 * run and no report. Handlers are restored when the search ends.
 */
final class SignalStop implements AutoCloseable {
  private static final Map<String, ExitCode> EXIT_CODES =
      Map.of("TERM", ExitCode.TERMINATED, "INT", ExitCode.INTERRUPTED);

  /** How long a second signal waits for the running trials to be marked interrupted. */
  private static final Duration QUIT_WITHIN = Duration.ofSeconds(2);
  private static final Duration PARENT_POLL = Duration.ofMillis(500);

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  /** Two deliveries this close together are one signal (Ctrl-C reaches the launcher and its child). */
  private static final Duration SAME_SIGNAL_WITHIN = Duration.ofMillis(500);

  private volatile String received;
  private long receivedAt;
  private volatile boolean closed;

  private SignalStop() {}

  /**
   * Stops {@code study} on the first signal, telling the user on {@code err} what happens now; in
   * a relaunched child, also when its parent is gone.
   */
  static SignalStop install(Study study, PrintWriter err) {
    SignalStop stop = new SignalStop();
    for (String name : EXIT_CODES.keySet()) {
      try {
        Signal signal = new Signal(name);
        stop.previous.put(signal, Signal.handle(signal, s -> stop.handle(name, study, err)));
      } catch (IllegalArgumentException e) {
        // the JVM reserves it (-Xrs) or the platform lacks it: its default behaviour stays
      }
    }
    stop.watchParent(study, err);
    return stop;
  }

  private synchronized void handle(String name, Study study, PrintWriter err) {
    long now = System.nanoTime();
    if (received != null) {
      if (now - receivedAt < SAME_SIGNAL_WITHIN.toNanos()) {
        return; // one signal delivered twice: to the launcher's group and forwarded by the launcher
      }
      quitNow(EXIT_CODES.get(name), study);
    }
    received = name;
    receivedAt = now;
    study.requestStop();
    synchronized (err) {
      err.println();
      err.println("hyp: SIG" + name + ": stopping: no new trials; running trials stop at their next epoch and run "
          + "again when the study continues (send it again to quit at once)");
      err.flush();
    }
  }

  /** A relaunched child stops as on SIGTERM once its launcher is gone (SIGKILL reaches only the launcher). */
  private void watchParent(Study study, PrintWriter err) {
    String parent = System.getenv(Dl4jEnvironment.PARENT_PID);
    if (parent == null || !parent.matches("\\d+")) {
      return;
    }
    long pid = Long.parseLong(parent);
    Thread watcher = new Thread(() -> {
      while (!closed && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(PARENT_POLL.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
      if (!closed && received == null) {
        handle("TERM", study, err);
      }
    }, "hyp-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Exits without waiting for running trials, after marking them interrupted (for a little while at most). */
  private static void quitNow(ExitCode exitCode, Study study) {
    Thread marker = new Thread(study::abandonRunning, "hyp-abandon");
    marker.setDaemon(true);
    marker.start();
    try {
      marker.join(QUIT_WITHIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(exitCode.code());
  }

  /** The exit code the signal asks for, or empty when none came. */
  Optional<ExitCode> exitCode() {
    String name = received;
    return name == null ? Optional.empty() : Optional.of(EXIT_CODES.get(name));
  }

  @Override
  public void close() {
    closed = true;
    previous.forEach((signal, handler) -> {
      try {
        Signal.handle(signal, handler);
      } catch (IllegalArgumentException e) {
        // as at install
      }
    });
  }
}
