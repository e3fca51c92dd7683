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
import dev.hyp.runtime.dl4j.Fold;
import dev.hyp.runtime.dl4j.JvmChoice;
import dev.hyp.runtime.dl4j.MachineMemory;
import dev.hyp.runtime.dl4j.nd4j.NativeBuild;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
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
 * with a rare class), then loads it as `hyp run` does: ND4J's start ({@code
 * Nd4jPatches.installInBackground}) on its own thread while prepare (read, split, layout, the
 * fold's fits) runs, then folds (the wait for the start, encode and standardise the fold the first
 * trial trains on), each with the wall clock, the main thread's CPU seconds and the whole
 * process's (the other threads, the JIT and garbage collection included), and the peak heap.
 * "load" is prepare + folds, the first read of the JVM (the JIT cold, as in `hyp run`): from the
 * file to the data ready for the first trial; its rate is also given with the start ({@code
 * -Dhyp.bench.nd4jFirst=true}: ND4J's start first, before the data, as until session 10). A warm
 * read of the file alone comes last, for comparison. It prints the JVM options `hyp run` would
 * choose for the file ({@link JvmChoice}): run with them for what a user waits. The lead times it
 * on a quiet machine; on a loaded one compare the CPU seconds. It is not run by the build.
 *
 * <p>{@code -Dhyp.bench.shape=numeric}: issue 19's own shape instead (20 numbers and a label); {@code
 * -Dhyp.bench.file=PATH}: the file kept there and reused; {@code -Dhyp.bench.timeline=true}: every thread's CPU
 * stage by stage ({@link ThreadTimeline}); {@code -Dhyp.bench.hash=true}: a SHA-256 of the first fold ({@link
 * FoldHash}). docs/performance.md, "Loading 200 MB at real sizes", has the command lines (with the class archive
 * `hyp run` starts with).
 *
 * <pre>java -XX:+UseSerialGC -Xms413m -Xmx2037m -cp ... dev.hyp.runtime.dl4j.bench.TableLoadBenchmark [MB=200] [seed=1]</pre>
 */
public final class TableLoadBenchmark {
  private TableLoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    double megabytes = args.length > 0 ? Double.parseDouble(args[0]) : 200;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    run(megabytes, seed, System.out);
  }

  /**
   * The data's shape ({@code -Dhyp.bench.shape}): {@code mixed} (the default: an id, six numbers with
   * empty cells, four text columns, prepared with indicators, one-hot and class weights) or {@code
   * numeric} (issue 19's own: 20 numbers and a 4-class label, about 1.04 M rows at 200 MB, the
   * default preparation).
   */
  private enum Shape {
    MIXED("mixed.csv", 12,
        new DataPlan(null, List.of("id"), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.BALANCED)),
    NUMERIC("numeric.csv", 21, DataPlan.DEFAULT);

    final String fileName;
    final int columns;
    final DataPlan plan;

    Shape(String fileName, int columns, DataPlan plan) {
      this.fileName = fileName;
      this.columns = columns;
      this.plan = plan;
    }

    long write(Path file, long bytes, long seed) throws IOException {
      return this == MIXED ? TableLoadBenchmark.write(file, bytes, seed) : writeNumeric(file, bytes, seed);
    }
  }

  /**
   * Generates (or, with {@code -Dhyp.bench.file=PATH}, reuses the file there, written once and kept:
   * no writing in the measured JVM, whose JIT would still be compiling the writer), loads and reports.
   * {@code -Dhyp.bench.hash=true} adds a SHA-256 of everything the first fold holds (features, labels,
   * truths, the normalizer's statistics, class weights, feature names, notes): the same before and
   * after a change means the same bits.
   */
  public static void run(double megabytes, long seed, PrintStream out) throws IOException {
    Shape shape = Shape.valueOf(System.getProperty("hyp.bench.shape", "mixed").toUpperCase(Locale.ROOT));
    String kept = System.getProperty("hyp.bench.file");
    Path dir = kept != null ? null : Files.createTempDirectory("hyp-table-bench");
    Path file = kept != null ? Path.of(kept) : dir.resolve(shape.fileName);
    try {
      String rows = "kept from before";
      if (kept == null || !Files.exists(file)) {
        rows = shape.write(file, (long) (megabytes * 1_000_000), seed) + " rows";
      }
      out.printf(Locale.ROOT, "file: %s, %.1f MB, %s, %d columns (%s)%n", file, Files.size(file) / 1e6, rows,
          shape.columns, shape.name().toLowerCase(Locale.ROOT));
      double mb = Files.size(file) / 1e6;
      jvmOptions(Files.size(file), out);
      System.gc();
      resetPeaks();
      ThreadTimeline timeline = Boolean.getBoolean("hyp.bench.timeline") ? ThreadTimeline.start() : null;
      // as `hyp run` starts: ND4J loads on its own thread while the data is read (-Dhyp.bench.nd4jFirst=true:
      // before it, as until session 10); a table's run loads ND4J's generic build
      NativeBuild.forWork(false);
      boolean nd4jFirst = Boolean.getBoolean("hyp.bench.nd4jFirst");
      Stage stage = Stage.start();
      if (nd4jFirst) {
        Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
      } else {
        Nd4jPatches.installInBackground(Nd4jPatches.Options.fromSystemProperties());
      }
      double start = stage.wallSeconds();
      out.printf(Locale.ROOT, "start:   %s (ND4J's libraries, %s)%n", stage.end(),
          nd4jFirst ? "loaded before the data" : "loading on their own thread while the data is read");
      // the first read in this JVM, as in `hyp run`: the JIT has compiled nothing of it yet
      Stage load = Stage.start();
      stage = Stage.start();
      ExperimentData data = ExperimentData.load(CsvSource.of(file, "label"), null, Task.CLASSIFICATION,
          new Split.Holdout(0.2, 0.1), null, seed, shape.plan);
      out.printf(Locale.ROOT, "prepare: %s (read, split, layout, fits; %d features), peak heap %.0f MB%n", stage.end(),
          data.inputShape().features(), peakHeapMb());
      String prepared = timeline != null ? timeline.mark() : null;
      stage = Stage.start();
      Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()); // as `hyp run` waits before its first ND4J call
      double wait = stage.wallSeconds();
      List<Fold> folds = data.folds(Normalization.STANDARD, "mcxent");
      String foldsLine = stage.end();
      double loadWall = load.wallSeconds();
      String folded = timeline != null ? timeline.mark() : null;
      out.printf(Locale.ROOT, "folds:   the wait for ND4J's start %.2f s, then %s (encode, standardise)%n", wait,
          foldsLine);
      out.printf(Locale.ROOT, "load (prepare + folds, ND4J's start on its own thread meanwhile: from the file to the "
          + "fold the first trial trains on, read included, cold): %s, peak heap %.0f MB; %.0f MB/s by wall clock "
          + "(%.0f MB/s with the start)%n", load.end(), peakHeapMb(), mb / loadWall, mb / (loadWall + start));
      if (timeline != null) {
        timeline.stop();
        out.println("threads' CPU s, prepare: " + prepared);
        out.println("threads' CPU s, folds:   " + folded);
      }
      if (Boolean.getBoolean("hyp.bench.hash")) {
        out.println("sha-256 of the first fold: " + FoldHash.of(folds.get(0), data));
      }
      data = null;
      folds = null;
      System.gc();
      resetPeaks();
      stage = Stage.start();
      RawTable raw = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, DataPlan.DEFAULT);
      out.printf(Locale.ROOT, "read again (warm JIT, every column): %s (%d rows kept), peak heap %.0f MB%n", stage.end(),
          raw.size(), peakHeapMb());
    } finally {
      if (dir != null) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    }
  }

  /** Says which JVM options `hyp run` would choose for this file, and whether this JVM has them. */
  private static void jvmOptions(long dataBytes, PrintStream out) {
    int cores = Runtime.getRuntime().availableProcessors();
    long physical = MachineMemory.total().orElse(0);
    List<String> current = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> chosen = new java.util.ArrayList<>(JvmChoice.options(dataBytes, cores, physical, List.of()));
    chosen.addAll(JvmChoice.footprintOptions(dataBytes, cores, physical, List.of()));
    chosen.addAll(JvmChoice.sharedCoresInliningOptions(dataBytes, cores, 1, true, List.of())); // one trial at a time
    List<String> missing = chosen.stream().filter(o -> !current.contains(o)).toList();
    out.println("jvm: `hyp run` would choose " + String.join(" ", chosen) + (missing.isEmpty() ? " (as here)"
        : "; this JVM lacks " + String.join(" ", missing) + ": for what a user waits, run with them"));
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

  /**
   * Issue 19's shape: 20 numbers (Gaussians of different scales and offsets, six decimals) and a
   * label of 4 classes from a linear score; writes rows until the file has about {@code bytes} bytes.
   */
  static long writeNumeric(Path file, long bytes, long seed) throws IOException {
    Random random = new Random(seed);
    int features = 20;
    long written = 0;
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(256);
      for (int j = 0; j < features; j++) {
        line.append('x').append(j).append(',');
      }
      line.append("label\n");
      out.append(line);
      written += line.length();
      double[] x = new double[features];
      while (written < bytes || rows < 10) {
        line.setLength(0);
        double score = 0;
        for (int j = 0; j < features; j++) {
          x[j] = random.nextGaussian() * (1 + j % 3) + (j % 4 == 0 ? 0 : j - 10);
          score += (j % 2 == 0 ? 1 : -0.5) * (x[j] - (j % 4 == 0 ? 0 : j - 10)) / (1 + j % 3);
          fixed(line, x[j], 6).append(',');
        }
        int label = score < -2 ? 0 : score < 0 ? 1 : score < 2 ? 2 : 3;
        line.append(label).append('\n');
        out.append(line);
        written += line.length();
        rows++;
      }
    }
    return rows;
  }

  /** {@code value} with {@code decimals} digits after the point, rounded (a faster %.Nf for the writer). */
  static StringBuilder fixed(StringBuilder out, double value, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long units = Math.round(Math.abs(value) * scale);
    if (value < 0 && units != 0) {
      out.append('-');
    }
    out.append(units / scale).append('.');
    String fraction = Long.toString(units % scale);
    for (int i = fraction.length(); i < decimals; i++) {
      out.append('0');
    }
    return out.append(fraction);
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
