package dev.hyp.runtime.bench;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.run.PredictCommand;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * `hyp bench predict [--rows 1000000] [--heap 256m]`: `predict` on a generated CSV of ROWS rows
 * (six numeric features and the label) in a child JVM whose heap is HEAP, with a small model
 * trained first on rows of the same kind. Prints one JSON line: rows, heap, seconds (the child's
 * wall time, JVM start included) and rows per second. Everything lives in a temporary folder that
 * is deleted afterwards.
 */
public final class PredictBenchmark {
  private PredictBenchmark() {}

  /** The classes of the generated rows. */
  public static final List<String> CLASSES = List.of("low", "mid", "high");
  private static final int FEATURES = 6;

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    String heap = "256m";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--heap" -> heap = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --rows N, --heap SIZE");
      }
    }
    Path dir = Files.createTempDirectory("hyp-bench-predict");
    try {
      Path model = trainModel(dir);
      Path data = writeRows(dir.resolve("rows.csv"), rows, 2, true);
      long start = System.nanoTime();
      ChildRun run = predictInChild(model, data, dir.resolve("predictions.csv"), heap);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (run.exit() != 0) {
        System.err.println(run.output());
      }
      System.out.printf(Locale.ROOT, "{\"benchmark\":\"predict\",\"rows\":%d,\"heap\":\"%s\",\"exit\":%d,"
          + "\"seconds\":%.2f,\"rows_per_second\":%.0f,\"csv_megabytes\":%.1f}%n", rows, heap, run.exit(), seconds,
          rows / seconds, Files.size(data) / 1e6);
    } finally {
      ScratchFolder.delete(dir);
    }
  }

  /** Trains a small classifier for rows like {@link #writeRows}'s and saves it as {@code dir/model.zip}. */
  public static Path trainModel(Path dir) throws IOException {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
    Path train = writeRows(dir.resolve("train.csv"), 600, 1, false);
    ExperimentData data = ExperimentData.load(CsvSource.of(train, "label"), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0.0), null, 1);
    TrainResult result = Trainer.train(new NetworkBuilder(1, data.inputShape(), Task.CLASSIFICATION, CLASSES.size())
            .updater(Updater.ADAM, Map.of("lr", 0.02)).dense(16, Activation.RELU).output(null, Loss.MCXENT, null),
        data, Normalization.STANDARD, "mcxent", TrainOptions.of(3, 32, "accuracy", 1), EpochCallback.NONE);
    Path model = dir.resolve("model.zip");
    SavedModel.save(model, result, data, Map.of());
    return model;
  }

  /**
   * Writes {@code rows} rows of a header {@code [id,] x1..x6, label}, streamed (a CSV of any size
   * in constant memory): the label is the class of x1 + x2 (low, mid, high); the id is a column
   * the model does not know.
   */
  public static Path writeRows(Path file, long rows, long seed, boolean id) throws IOException {
    Random random = new Random(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>(id ? List.of("id") : List.of());
      for (int j = 1; j <= FEATURES; j++) {
        header.add("x" + j);
      }
      header.add("label");
      out.write(String.join(",", header));
      out.write('\n');
      StringBuilder line = new StringBuilder();
      for (long i = 0; i < rows; i++) {
        line.setLength(0);
        if (id) {
          line.append(i);
        }
        double sum = 0;
        for (int j = 0; j < FEATURES; j++) {
          float x = (float) random.nextGaussian();
          sum += j < 2 ? x : 0;
          line.append(j == 0 && !id ? "" : ",").append(x);
        }
        line.append(',').append(CLASSES.get(sum < -0.5 ? 0 : sum < 0.5 ? 1 : 2)).append('\n');
        out.append(line);
      }
    }
    return file;
  }

  /** What a child JVM's `predict` did: its exit code and everything it printed. */
  public record ChildRun(int exit, String output) {}

  /** Runs `predict MODEL DATA -o OUT` in a child JVM with {@code -Xmx<heap>}, on this JVM's classpath. */
  public static ChildRun predictInChild(Path model, Path data, Path out, String heap)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-cp",
        System.getProperty("java.class.path"), PredictCommand.class.getName(), model.toString(), data.toString(),
        "-o", out.toString());
    builder.environment().putIfAbsent("OMP_NUM_THREADS", "1"); // what a run uses (docs/performance.md)
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new ChildRun(-1, output + "\n(killed after 30 minutes)");
    }
    return new ChildRun(process.exitValue(), output);
  }
}
