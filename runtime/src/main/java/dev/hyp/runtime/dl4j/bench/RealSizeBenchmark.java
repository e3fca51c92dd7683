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
 * configs as indices into {@link #LAYERS}, {@code 0,6,10} (default: all twelve).
 */
public final class RealSizeBenchmark {
  private RealSizeBenchmark() {}

  /** The configurations: hidden layer widths and batch. */
  static final int[][] LAYERS = {{32}, {64}, {128}, {256}, {64, 64}, {128, 128}, {256, 256}, {32, 32},
      {64, 64, 64}, {128, 128, 128}, {256, 256, 256}, {32, 32, 32}};
  static final int[] BATCHES = {64, 128, 256, 64, 128, 256, 64, 128, 256, 64, 128, 256};

  public static void main(String[] args) {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
    ExperimentData data = ExperimentData.load(CsvSource.of(Path.of(args[0]), args[1]), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0.2), null, 7);
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int[] configs = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray()
        : java.util.stream.IntStream.range(0, LAYERS.length).toArray();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      double total = 0;
      for (int c : configs) {
        NetworkBuilder net = new NetworkBuilder(1, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
            .updater(Updater.ADAM, Map.of("lr", 1e-3));
        for (int units : LAYERS[c]) {
          net.dense(units, Activation.of("relu"));
        }
        net.output(Activation.SOFTMAX, Loss.MCXENT, null);
        long cpu = threads.getCurrentThreadCpuTime();
        var result = Trainer.train(net, data, Normalization.STANDARD, "mcxent",
            TrainOptions.of(epochs, BATCHES[c], "accuracy", 1), EpochCallback.NONE);
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        total += seconds;
        System.out.printf(Locale.ROOT, "{\"round\":%d,\"layers\":\"%s\",\"batch\":%d,\"cpu_s\":%.3f,\"accuracy\":%.4f}%n",
            round, java.util.Arrays.toString(LAYERS[c]), BATCHES[c], seconds, result.validation().get("accuracy"));
      }
      System.out.printf(Locale.ROOT, "{\"round\":%d,\"total_cpu_s\":%.3f}%n", round, total);
    }
  }
}
