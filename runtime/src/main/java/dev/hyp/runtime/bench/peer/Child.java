package dev.hyp.runtime.bench.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A child process of the benchmark, timed from its start to its end, with its peak resident
 * memory: the most its processes (it and any process it starts) held at one time, their {@code VmRSS}
 * of /proc/PID/status summed every 20 ms while it lives (a started process from its second sample on),
 * and at least the largest one process's {@code VmHWM}. The output goes to files, so a chatty child never blocks.
 */
final class Child {
  /**
   * @param peakRssMb the most the processes held at one time (two trials' processes side by side add up;
   *     the `hyp` launcher's short helpers, which end before its JVM starts, do not), at least maxProcessRssMb
   * @param maxProcessRssMb the largest one process's peak (a pid that replaced its program, as `hyp run` does
   *     for large data, is one process: its peak is the larger of the two programs')
   */
  record Result(List<String> command, int exit, double seconds, double peakRssMb, double maxProcessRssMb,
      List<String> out, String err) {
    /** The lines of standard output that are JSON objects. */
    List<String> jsonLines() {
      return out.stream().filter(l -> l.startsWith("{")).toList();
    }
  }

  private final List<String> command;
  private final Process process;
  private final long startNanos;
  private final Path outFile;
  private final Path errFile;
  private final Map<Long, Long> peakKb = new HashMap<>();
  /** The most the processes held at one time (the sum of their VmRSS in one sample), under peakKb's lock. */
  private long peakTogetherKb;
  private final Thread sampler;

  private Child(List<String> command, Process process, long startNanos, Path outFile, Path errFile) {
    this.command = command;
    this.process = process;
    this.startNanos = startNanos;
    this.outFile = outFile;
    this.errFile = errFile;
    this.sampler = new Thread(this::sample, "peak-rss-" + process.pid());
    sampler.setDaemon(true);
    sampler.start();
  }

  static Child start(List<String> command, Map<String, String> environment, Path scratch) {
    return start(command, environment, Set.of(), scratch);
  }

  /** As {@link #start(List, Map, Path)}, with the variables {@code unset} left out of the environment this process passes on. */
  static Child start(List<String> command, Map<String, String> environment, Set<String> unset, Path scratch) {
    try {
      Files.createDirectories(scratch);
      Path out = Files.createTempFile(scratch, "child", ".out");
      Path err = Files.createTempFile(scratch, "child", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeAll(unset);
      builder.environment().putAll(environment);
      long start = System.nanoTime();
      return new Child(List.copyOf(command), builder.start(), start, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  static Result run(List<String> command, Map<String, String> environment, Path scratch) {
    return start(command, environment, scratch).await();
  }

  static Result run(List<String> command, Map<String, String> environment, Set<String> unset, Path scratch) {
    return start(command, environment, unset, scratch).await();
  }

  Result await() {
    try {
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      sampler.interrupt();
      sampler.join();
      long kb;
      long maxKb;
      synchronized (peakKb) {
        maxKb = peakKb.values().stream().mapToLong(Long::longValue).max().orElse(0);
        // processes that never lived at once (the launcher's helpers, then the JVM) do not add up
        kb = Math.max(peakTogetherKb, maxKb);
      }
      List<String> out = Files.readAllLines(outFile, StandardCharsets.UTF_8);
      String err = Files.readString(errFile, StandardCharsets.UTF_8);
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
      return new Result(command, exit, seconds, kb / 1024.0, maxKb / 1024.0, out, err.length() > 4000 ? err.substring(err.length()
          - 4000) : err);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sample() {
    Set<Long> seenBefore = Set.of();
    while (process.isAlive()) {
      long residentKb = read(process.toHandle());
      Set<Long> seen = new java.util.HashSet<>();
      for (ProcessHandle descendant : process.toHandle().descendants().toList()) {
        long kb = read(descendant);
        // a process in its first sample may still share its parent's memory: a JVM starts a program
        // with posix_spawn, whose child until its exec is the parent's address space, and its VmRSS
        // reads as the parent's (git, started by hyp run, once doubled the small search's peak)
        if (seenBefore.contains(descendant.pid())) {
          residentKb += kb;
        }
        seen.add(descendant.pid());
      }
      seenBefore = seen;
      synchronized (peakKb) {
        peakTogetherKb = Math.max(peakTogetherKb, residentKb);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Records the process's peak ({@code VmHWM}); returns its resident memory now ({@code VmRSS}, kB). */
  private long read(ProcessHandle handle) {
    long residentKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(handle.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          synchronized (peakKb) {
            peakKb.merge(handle.pid(), kb, Math::max);
          }
        } else if (line.startsWith("VmRSS:")) {
          residentKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between the listing and the read, or /proc is not there: nothing to add
    }
    return residentKb;
  }

  static List<String> command(List<String> prefix, String... more) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(more));
    return all;
  }
}
