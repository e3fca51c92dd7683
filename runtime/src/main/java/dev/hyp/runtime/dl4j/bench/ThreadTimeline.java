package dev.hyp.runtime.dl4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every thread's CPU seconds, grouped by what the thread does (the main thread, the read's later
 * part, the data threads, ND4J's start, C2, C1, the VM thread where the serial collector runs),
 * stage by stage: a daemon samples Linux's /proc/self/task/N/stat every {@value #PERIOD_MS} ms and
 * keeps each thread's last figure, so a thread that ended between two stages (the read's later
 * part, the data threads) still counts, to within one period. Linux only; elsewhere it prints
 * nothing. The sampler's own CPU is its own group.
 */
final class ThreadTimeline {
  static final int PERIOD_MS = 50;
  private static final String[] GROUPS = {"main", "later part", "data threads", "nd4j start", "C2", "C1",
      "VM thread (GC)", "sampler", "other"};

  private final Map<Integer, Long> ticks = new ConcurrentHashMap<>();
  private final Map<Integer, Long> systemTicks = new ConcurrentHashMap<>();
  private double lastSystem;
  private final Map<Integer, String> names = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean stopped;
  private double[] last = new double[GROUPS.length];
  private final Map<Integer, Double> lastOthers = new java.util.HashMap<>();

  private ThreadTimeline() {
    sampler = new Thread(() -> {
      while (!stopped) {
        sample();
        try {
          Thread.sleep(PERIOD_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "hyp-bench-sampler");
    sampler.setDaemon(true);
  }

  /** A started timeline, or null where /proc is not there. */
  static ThreadTimeline start() {
    if (!Files.isDirectory(Path.of("/proc/self/task"))) {
      return null;
    }
    ThreadTimeline timeline = new ThreadTimeline();
    timeline.sample();
    timeline.last = timeline.totals();
    timeline.lastSystem = timeline.systemTicks.values().stream().mapToLong(Long::longValue).sum() / 100.0;
    timeline.sampler.start();
    return timeline;
  }

  /** Each group's CPU seconds since the last mark, as one line (the groups that used any). */
  synchronized String mark() {
    sample();
    double[] now = totals();
    StringBuilder line = new StringBuilder();
    for (int g = 0; g < GROUPS.length; g++) {
      double seconds = now[g] - last[g];
      if (seconds >= 0.005) {
        line.append(line.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", GROUPS[g], seconds));
      }
    }
    last = now;
    double system = systemTicks.values().stream().mapToLong(Long::longValue).sum() / 100.0;
    line.append(String.format(Locale.ROOT, "; of all: in the kernel %.2f", system - lastSystem));
    lastSystem = system;
    // what "other" is made of, by thread name
    Map<String, Double> others = new java.util.TreeMap<>();
    new LinkedHashMap<>(ticks).forEach((tid, t) -> {
      String name = names.getOrDefault(tid, "");
      if (group(name) == GROUPS.length - 1) {
        others.merge(name, t / 100.0 - lastOthers.getOrDefault(tid, 0.0), Double::sum);
        lastOthers.put(tid, t / 100.0);
      }
    });
    others.values().removeIf(v -> v < 0.005);
    if (!others.isEmpty()) {
      line.append(" (other: ");
      others.forEach((name, v) -> line.append(String.format(Locale.ROOT, "%s %.2f; ", name, v)));
      line.setLength(line.length() - 2);
      line.append(')');
    }
    return line.toString();
  }

  void stop() {
    stopped = true;
  }

  private double[] totals() {
    double[] sums = new double[GROUPS.length];
    Map<Integer, Long> copy = new LinkedHashMap<>(ticks);
    copy.forEach((tid, t) -> sums[group(names.getOrDefault(tid, ""))] += t / 100.0);
    return sums;
  }

  private static int group(String name) {
    if (name.equals("main") || name.equals("java")) { // Linux names the launcher's main thread "java"
      return 0;
    }
    if (name.startsWith("hyp-csv-later")) {
      return 1;
    }
    if (name.startsWith("hyp-data-")) {
      return 2;
    }
    if (name.startsWith("hyp-nd4j-start")) {
      return 3;
    }
    if (name.startsWith("C2 Compiler")) {
      return 4;
    }
    if (name.startsWith("C1 Compiler")) {
      return 5;
    }
    if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
      return 6;
    }
    if (name.startsWith("hyp-bench-samp")) {
      return 7;
    }
    return 8;
  }

  private synchronized void sample() {
    try (var tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended
        }
        int tid = Integer.parseInt(task.getFileName().toString());
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long t = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime, 1/100 s
        ticks.merge(tid, t, Math::max);
        systemTicks.merge(tid, Long.parseLong(fields[12]), Math::max);
        names.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      }
    } catch (IOException | RuntimeException e) {
      // a sample missed: the next one counts
    }
  }
}
