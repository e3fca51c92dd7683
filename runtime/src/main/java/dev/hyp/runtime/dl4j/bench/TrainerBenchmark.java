package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Fold;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The same network, data and epochs trained by {@link Trainer} and by a hand-written minimal DL4J
 * loop, after a JIT warm-up; prints one JSON line per measurement and the ratio.
 *
 * <p>Run from the repository root (the classpath from {@code mvn dependency:build-classpath}):
 * {@code java -cp runtime/target/classes:$(cat cp.txt) dev.hyp.runtime.dl4j.bench.TrainerBenchmark
 * [breast_cancer.csv] [epochs] [reps]}.
 *
 * <p>Medians and minima are printed: on a machine shared with other work the minimum (the least
 * disturbed run) is the steadier estimate of the ratio. Two hand loops: "hand" evaluates validation accuracy after every epoch (what a trial must do
 * for pruning and early stopping: the like-for-like comparison), "hand_train_only" does not.
 */
public final class TrainerBenchmark {
  private TrainerBenchmark() {}

  public static void main(String[] args) {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()); // as a run does; loads ND4J before timing
    ExperimentData data = BenchSetup.data(BenchSetup.csv(args));
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int batch = 32;
    Fold fold = data.folds(Normalization.STANDARD, "mcxent").get(0);
    TrainOptions options = TrainOptions.of(epochs, batch, "accuracy", 1);

    Runnable trainer = () -> Trainer.train(BenchSetup.network(data, 1, 1e-3, 32, "relu", 0.1, 1e-4), data,
        Normalization.STANDARD, "mcxent", options, EpochCallback.NONE);
    Runnable hand = () -> handLoop(BenchSetup.network(data, 1, 1e-3, 32, "relu", 0.1, 1e-4).build(), fold, epochs,
        batch, true);
    Runnable handTrainOnly = () -> handLoop(BenchSetup.network(data, 1, 1e-3, 32, "relu", 0.1, 1e-4).build(), fold,
        epochs, batch, false);

    for (int i = 0; i < 3; i++) { // JIT and ND4J warm-up
      trainer.run();
      hand.run();
      handTrainOnly.run();
    }
    long[] a = new long[reps];
    long[] b = new long[reps];
    long[] c = new long[reps];
    for (int r = 0; r < reps; r++) { // interleaved, so drift hits all alike
      a[r] = time(trainer);
      b[r] = time(hand);
      c[r] = time(handTrainOnly);
    }
    double ta = median(a);
    double tb = median(b);
    double tc = median(c);
    String where = String.format(Locale.ROOT, "\"rows\":%d,\"epochs\":%d,\"batch\":%d,\"reps\":%d,\"omp\":\"%s\"",
        fold.trainSize(), epochs, batch, reps, BenchSetup.env("OMP_NUM_THREADS"));
    System.out.printf(Locale.ROOT, "{\"bench\":\"trainer\",%s,\"median_ms\":%.1f,\"all_ms\":%s}%n", where, ta,
        Arrays.toString(ms(a)));
    System.out.printf(Locale.ROOT, "{\"bench\":\"hand\",%s,\"median_ms\":%.1f,\"all_ms\":%s}%n", where, tb,
        Arrays.toString(ms(b)));
    System.out.printf(Locale.ROOT, "{\"bench\":\"hand_train_only\",%s,\"median_ms\":%.1f,\"all_ms\":%s}%n", where, tc,
        Arrays.toString(ms(c)));
    System.out.printf(Locale.ROOT, "{\"bench\":\"ratio\",\"trainer_over_hand\":%.3f,\"trainer_over_hand_train_only\":%.3f,"
        + "\"by_minimum_trainer_over_hand\":%.3f,\"by_minimum_trainer_over_hand_train_only\":%.3f}%n",
        ta / tb, ta / tc, min(a) / min(b), min(a) / min(c));
  }

  /** The loop a DL4J user writes: shuffle, minibatches, fit; optionally validation accuracy after each epoch. */
  static double handLoop(MultiLayerNetwork net, Fold fold, int epochs, int batch, boolean validate) {
    DataSet train = fold.train();
    int n = (int) train.getFeatures().size(0);
    Random random = new Random(1);
    double accuracy = Double.NaN;
    for (int e = 0; e < epochs; e++) {
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (int from = 0; from < n; from += batch) {
        int[] rows = Arrays.copyOfRange(perm, from, Math.min(n, from + batch));
        net.fit(new DataSet(train.getFeatures().getRows(rows), train.getLabels().getRows(rows)));
      }
      if (validate) {
        INDArray out = net.output(fold.validation().getFeatures(), false);
        Evaluation eval = new Evaluation();
        eval.eval(fold.validation().getLabels(), out);
        accuracy = eval.accuracy();
      }
    }
    return accuracy;
  }

  private static long time(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return System.nanoTime() - t;
  }

  private static double median(long[] ns) {
    long[] s = ns.clone();
    Arrays.sort(s);
    return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
  }

  /** The fastest run: on a shared machine, the least disturbed one. */
  private static double min(long[] ns) {
    return Arrays.stream(ns).min().orElseThrow() / 1e6;
  }

  private static double[] ms(long[] ns) {
    return Arrays.stream(ns).mapToDouble(v -> Math.round(v / 1e5) / 10.0).toArray();
  }
}
