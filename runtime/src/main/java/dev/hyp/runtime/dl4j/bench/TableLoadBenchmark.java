package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.TableReader;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How fast a large mixed-type CSV loads: writes one of about {@code MB} megabytes in a temporary
 * folder (an id, six numbers with 3% empty cells, four text columns of 4 to 2,000 levels, a label
 * with a rare class), then prints the seconds to read it, to prepare it (read, layout, the fold's
 * fits) and to build the normalised folds, each with the main thread's CPU seconds and the whole
 * process's (garbage collection included), and the peak heap. "load" is prepare + folds: from the
 * file to the fold the first trial trains on. The lead times it on a quiet machine; on a loaded
 * one compare the CPU seconds. It is not run by the build.
 *
 * <pre>java -Xmx4g -cp ... dev.hyp.runtime.dl4j.bench.TableLoadBenchmark [MB=200] [seed=1]</pre>
 */
public final class TableLoadBenchmark {
  private TableLoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 200;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    run(megabytes, seed, System.out);
  }

  /** Generates, loads and reports; the temporary file is deleted afterwards. */
  public static void run(double megabytes, long seed, PrintStream out) throws IOException {
    Path dir = Files.createTempDirectory("hyp-table-bench");
    Path file = dir.resolve("mixed.csv");
    try {
      long rows = write(file, (long) (megabytes * 1_000_000), seed);
      out.printf(Locale.ROOT, "file: %s, %.1f MB, %d rows, 12 columns%n", file, Files.size(file) / 1e6, rows);
      double mb = Files.size(file) / 1e6;
      System.gc();
      resetPeaks();
      Stage stage = Stage.start();
      RawTable raw = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, DataPlan.DEFAULT);
      out.printf(Locale.ROOT, "read:    %s (%d rows kept), peak heap %.0f MB%n", stage.end(), raw.size(), peakHeapMb());
      raw = null;
      System.gc();
      resetPeaks();
      DataPlan plan = new DataPlan(null, List.of("id"), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.BALANCED);
      Stage load = Stage.start();
      stage = Stage.start();
      ExperimentData data = ExperimentData.load(CsvSource.of(file, "label"), null, Task.CLASSIFICATION,
          new Split.Holdout(0.2, 0.1), null, seed, plan);
      out.printf(Locale.ROOT, "prepare: %s (%d features), peak heap %.0f MB%n", stage.end(),
          data.inputShape().features(), peakHeapMb());
      stage = Stage.start();
      data.folds(Normalization.STANDARD, "mcxent");
      String folds = stage.end();
      out.printf(Locale.ROOT, "folds:   %s; load (prepare + folds) %.0f MB/s by main-thread CPU, %.0f MB/s by wall "
          + "clock: %s, peak heap %.0f MB%n", folds, mb / load.threadCpuSeconds(), mb / load.wallSeconds(), load.end(),
          peakHeapMb());
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** Writes rows until the file has about {@code bytes} bytes; returns the rows written. */
  static long write(Path file, long bytes, long seed) throws IOException {
    Random random = new Random(seed);
    String[] plans = {"basic", "standard", "premium", "family"};
    long written = 0;
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String header = "id,a,b,c,d,e,f,plan,region,shop,product,label\n";
      out.write(header);
      written += header.length();
      StringBuilder line = new StringBuilder(160);
      while (written < bytes || rows < 10) {
        line.setLength(0);
        line.append(rows + 1);
        for (int j = 0; j < 6; j++) {
          line.append(',');
          if (random.nextInt(33) != 0) {
            line.append(String.format(Locale.ROOT, "%.4f", random.nextGaussian() * (j + 1) + j));
          }
        }
        line.append(',').append(plans[random.nextInt(plans.length)]);
        line.append(",region").append(random.nextInt(30));
        line.append(",shop").append((int) Math.abs(random.nextGaussian() * 80));
        line.append(",p").append(random.nextInt(2000));
        line.append(',').append(random.nextInt(10) == 0 ? "yes" : "no").append('\n');
        out.append(line);
        written += line.length();
        rows++;
      }
    }
    return rows;
  }

  /** A stage's wall-clock seconds, the calling thread's CPU seconds and the process's (GC threads too). */
  private record Stage(long wall, long thread, long process) {
    static Stage start() {
      return new Stage(System.nanoTime(), threadCpu(), processCpu());
    }

    double wallSeconds() {
      return (System.nanoTime() - wall) / 1e9;
    }

    double threadCpuSeconds() {
      return (threadCpu() - thread) / 1e9;
    }

    String end() {
      return String.format(Locale.ROOT, "CPU %.2f s main thread, %.2f s process, wall %.2f s", threadCpuSeconds(),
          (processCpu() - process) / 1e9, wallSeconds());
    }

    private static long threadCpu() {
      return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
      return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : 0;
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
  private static double peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1e6;
  }
}
