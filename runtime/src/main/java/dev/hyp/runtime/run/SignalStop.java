package dev.hyp.runtime.run;

import dev.hyp.runtime.study.Study;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
  private static final Map<String, Integer> EXIT_CODES = Map.of("TERM", 128 + 15, "INT", 128 + 2);

  /** How long a second signal waits for the running trials to be marked interrupted. */
  private static final Duration QUIT_WITHIN = Duration.ofSeconds(2);

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile String received;

  private SignalStop() {}

  /** Stops {@code study} on the first signal, telling the user on {@code err} what happens now. */
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
    return stop;
  }

  private void handle(String name, Study study, PrintWriter err) {
    if (received != null) {
      quitNow(EXIT_CODES.get(name), study);
    }
    received = name;
    study.requestStop();
    synchronized (err) {
      err.println();
      err.println("hyp: SIG" + name + ": stopping: no new trials; running trials stop at their next epoch and run "
          + "again when the study continues (send it again to quit at once)");
      err.flush();
    }
  }

  /** Exits without waiting for running trials, after marking them interrupted (for a little while at most). */
  private static void quitNow(int exitCode, Study study) {
    Thread marker = new Thread(study::abandonRunning, "hyp-abandon");
    marker.setDaemon(true);
    marker.start();
    try {
      marker.join(QUIT_WITHIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().halt(exitCode);
  }

  /** The exit code the signal asks for, or empty when none came. */
  java.util.OptionalInt exitCode() {
    String name = received;
    return name == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(EXIT_CODES.get(name));
  }

  @Override
  public void close() {
    previous.forEach((signal, handler) -> {
      try {
        Signal.handle(signal, handler);
      } catch (IllegalArgumentException e) {
        // as at install
      }
    });
  }
}
