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

/**
 * A child process of the benchmark, timed from its start to its end, with its peak resident
 * memory: the highest {@code VmHWM} of /proc/PID/status read every 20 ms while it lives (for the
 * process and any process it starts, summed). The output goes to files, so a chatty child never blocks.
 */
final class Child {
  /**
   * @param peakRssMb the processes' peaks, summed
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
    try {
      Files.createDirectories(scratch);
      Path out = Files.createTempFile(scratch, "child", ".out");
      Path err = Files.createTempFile(scratch, "child", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
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

  Result await() {
    try {
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      sampler.interrupt();
      sampler.join();
      long kb;
      long maxKb;
      synchronized (peakKb) {
        kb = peakKb.values().stream().mapToLong(Long::longValue).sum();
        maxKb = peakKb.values().stream().mapToLong(Long::longValue).max().orElse(0);
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
    while (process.isAlive()) {
      read(process.toHandle());
      process.toHandle().descendants().forEach(this::read);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void read(ProcessHandle handle) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(handle.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          synchronized (peakKb) {
            peakKb.merge(handle.pid(), kb, Math::max);
          }
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended between the listing and the read, or /proc is not there: nothing to add
    }
  }

  static List<String> command(List<String> prefix, String... more) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(more));
    return all;
  }
}
