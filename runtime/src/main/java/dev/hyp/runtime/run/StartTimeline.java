package dev.hyp.runtime.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What `hyp run` does before its first trial, phase by phase, with {@code -D}{@value #SWITCH}{@code =true}
 * (in HYP_JAVA_OPTS): each mark prints to stderr the wall seconds since the process started and the process's
 * CPU seconds so far. Both count from the launcher's {@code exec} of the first JVM: a relaunch replaces the
 * process in place (same pid, its CPU carried over), so the search's JVM continues the same clock. The last
 * mark adds every thread's CPU by name (Linux's /proc/self/task). Off, a mark costs a boolean's test.
 */
public final class StartTimeline {
  /** The switch. */
  public static final String SWITCH = "hyp.start.timeline";
  private static final boolean ON = Boolean.getBoolean(SWITCH);

  private StartTimeline() {}

  public static boolean on() {
    return ON;
  }

  private static boolean jvmShown;

  /** Prints the time and CPU so far, with {@code what} just done. */
  public static synchronized void mark(String what) {
    if (ON) {
      double wall = sinceProcessStart();
      double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
      if (!jvmShown) {
        jvmShown = true; // this JVM's start: the process's may be an earlier JVM's (a relaunch) or the launcher's
        double jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        System.err.printf(Locale.ROOT, "hyp-start: %6.3f s wall: this JVM starts%n", wall - jvm);
      }
      System.err.printf(Locale.ROOT, "hyp-start: %6.3f s wall, %6.3f s cpu [%s]: %s%n", wall, cpu,
          Thread.currentThread().getName(), what);
    }
  }

  /**
   * Seconds since this process started, to 10 ms: both from the boot ({@code /proc/uptime}, the process's start
   * in /proc/self/stat), not the JDK's start instant, which adds the boot's wall time rounded to a second.
   */
  private static double sinceProcessStart() {
    try {
      double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return uptime - Long.parseLong(fields[19]) / 100.0; // starttime, in clock ticks (100 a second)
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** As {@link #mark}, then each live thread's CPU seconds, summed by thread name. */
  public static void markWithThreads(String what) {
    if (ON) {
      mark(what);
      StringBuilder line = new StringBuilder("hyp-start: threads' cpu s:");
      threadSeconds().forEach((name, seconds) -> line.append(String.format(Locale.ROOT, " %s %.2f;", name, seconds)));
      System.err.println(line);
    }
  }

  /** Each thread's user + system CPU seconds by its kernel name (at most 15 characters), threads of one name summed. */
  private static Map<String, Double> threadSeconds() {
    Map<String, Double> seconds = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close).replaceAll("[0-9]+$", "#");
          String[] fields = stat.substring(close + 2).split(" ");
          double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          seconds.merge(name, ticks / 100.0, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      });
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return seconds;
  }
}
