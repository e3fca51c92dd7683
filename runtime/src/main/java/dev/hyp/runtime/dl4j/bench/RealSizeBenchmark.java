package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 19's medium tabular trial: MLPs of 1-3 dense layers (32-256 units), Adam, a batch of
 * 64-256, validation accuracy after every epoch, on a CSV of 50,000 rows x 40 features and 4
 * classes (holdout 0.2/0.2). Prints the trial thread's CPU seconds per configuration, one JSON
 * line each: CPU time, not wall-clock, so that other work on the machine moves it little.
 *
 * <p>{@code java -cp CP dev.hyp.runtime.dl4j.bench.RealSizeBenchmark DATA.csv LABEL [epochs] [rounds] [configs]}:
 * configs as indices into {@link #LAYERS}, {@code 0,6,10} (default: all twelve). With
 * {@code -Dhyp.bench.image=28x28} the CSV's rows are 28x28 images and the network a small CNN
 * (conv2d(16, 3), maxpool(2), conv2d(32, 3), maxpool(2), dense(64); other widths with
 * {@code -Dhyp.bench.cnn=16,16,32}), batch 64, once per round. With
 * {@code -Dhyp.bench.threads=2} two threads train the same configurations at once in this JVM, as
 * {@code hyp run} does with {@code parallel = 2}; each prints its own thread's CPU (the "thread" field).
 */
public final class RealSizeBenchmark {
  private RealSizeBenchmark() {}

  /** The configurations: hidden layer widths and batch. */
  static final int[][] LAYERS = {{32}, {64}, {128}, {256}, {64, 64}, {128, 128}, {256, 256}, {32, 32},
      {64, 64, 64}, {128, 128, 128}, {256, 256, 256}, {32, 32, 32}};
  static final int[] BATCHES = {64, 128, 256, 64, 128, 256, 64, 128, 256, 64, 128, 256};

  public static void main(String[] args) {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
    String image = System.getProperty("hyp.bench.image");
    int[] shape = image == null ? null : new int[] {Integer.parseInt(image.split("x")[0]),
        Integer.parseInt(image.split("x")[1]), 1};
    ExperimentData data = ExperimentData.load(CsvSource.of(Path.of(args[0]), args[1]), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0.2), shape, 7);
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int[] configs = shape != null ? new int[] {-1} : args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
        : java.util.stream.IntStream.range(0, LAYERS.length).toArray();
    int parallel = Integer.getInteger("hyp.bench.threads", 1);
    Thread[] workers = new Thread[parallel];
    for (int t = 0; t < parallel; t++) {
      int thread = t;
      workers[t] = new Thread(() -> run(data, shape, epochs, rounds, configs, thread), "trial-" + t);
      workers[t].start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    printThreadCpu();
  }

  /**
   * The CPU seconds of every thread of this process, from Linux's /proc/self/task/N/stat (user + system
   * ticks), summed by thread name, and the process's total: the JIT's compiler threads compete with the
   * trial threads for the cores, so the total is what two trials on two cores wait for. Nothing elsewhere.
   */
  private static void printThreadCpu() {
    Path tasks = Path.of("/proc/self/task");
    if (!java.nio.file.Files.isDirectory(tasks)) {
      return;
    }
    Map<String, Double> byName = new java.util.TreeMap<>();
    double total;
    try {
      total = cpuSeconds(java.nio.file.Files.readString(Path.of("/proc/self/stat"))); // ended threads included
    } catch (java.io.IOException e) {
      return;
    }
    try (var dirs = java.nio.file.Files.list(tasks)) {
      for (Path task : (Iterable<Path>) dirs::iterator) {
        String stat;
        try {
          stat = java.nio.file.Files.readString(task.resolve("stat"));
        } catch (java.io.IOException gone) {
          continue; // the thread ended
        }
        byName.merge(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuSeconds(stat), Double::sum);
      }
    } catch (java.io.IOException e) {
      return;
    }
    // the trial threads have ended: their CPU is in their own lines ("thread_cpu_s")
    StringBuilder line = new StringBuilder("{\"process_cpu_s\":").append(String.format(Locale.ROOT, "%.2f", total));
    byName.forEach((name, seconds) -> line.append(String.format(Locale.ROOT, ",\"%s\":%.2f", name, seconds)));
    System.out.println(line.append('}'));
  }

  /** utime + stime of a /proc stat line ("pid (comm) state ...", fields 14 and 15), in ticks of 1/100 s. */
  private static double cpuSeconds(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  /**
   * The CNN's filters (first and second convolution) and dense units: {@code -Dhyp.bench.cnn=16,16,32}
   * is `hyp bench peer`'s first CNN trial; default 16,32,64.
   */
  private static int[] cnnWidths() {
    return java.util.Arrays.stream(System.getProperty("hyp.bench.cnn", "16,32,64").split(","))
        .mapToInt(Integer::parseInt).toArray();
  }

  private static void run(ExperimentData data, int[] shape, int epochs, int rounds, int[] configs, int thread) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      double total = 0;
      for (int c : configs) {
        NetworkBuilder net = new NetworkBuilder(1, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
            .updater(Updater.ADAM, Map.of("lr", 1e-3));
        int[] cnn = cnnWidths();
        int[] layers = c < 0 ? new int[] {cnn[2]} : LAYERS[c];
        int batch = c < 0 ? 64 : BATCHES[c];
        if (c < 0) {
          net.conv2d(cnn[0], 3, 1, Padding.SAME, Activation.of("relu")).maxpool(2, null)
              .conv2d(cnn[1], 3, 1, Padding.SAME, Activation.of("relu")).maxpool(2, null);
        }
        for (int units : layers) {
          net.dense(units, Activation.of("relu"));
        }
        net.output(Activation.SOFTMAX, Loss.MCXENT, null);
        long cpu = threads.getCurrentThreadCpuTime();
        var result = Trainer.train(net, data, Normalization.STANDARD, "mcxent",
            TrainOptions.of(epochs, batch, "accuracy", 1), EpochCallback.NONE);
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        total += seconds;
        System.out.printf(Locale.ROOT, "{\"thread\":%d,\"round\":%d,\"layers\":\"%s\",\"batch\":%d,"
            + "\"cpu_s\":%.3f,\"accuracy\":%.4f}%n", thread, round,
            (c < 0 ? "cnn " : "") + java.util.Arrays.toString(layers), batch, seconds,
            result.validation().get("accuracy"));
      }
      System.out.printf(Locale.ROOT, "{\"thread\":%d,\"round\":%d,\"total_cpu_s\":%.3f}%n", thread, round,
          total);
    }
    System.out.printf(Locale.ROOT, "{\"thread\":%d,\"thread_cpu_s\":%.3f}%n", thread,
        threads.getCurrentThreadCpuTime() / 1e9);
  }
}
