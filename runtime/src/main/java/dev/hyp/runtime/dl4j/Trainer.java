package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains one trial: epochs of shuffled minibatches over the shared training data, the objective's
 * metric on validation after each epoch (handed to an {@link EpochCallback}, the pruner's hook),
 * early stopping with the best epoch's weights restored, then every metric on validation and test.
 *
 * <p>For k-fold, the k networks train in lockstep, epoch by epoch; the value of an epoch is the
 * mean over the folds, and early stopping and pruning act on it.
 *
 * <p>Memory: before any weight is allocated, the trial's {@link MemoryEstimate} is checked against
 * the data's {@link ExperimentData#memoryBudget()}; a trial that would not fit fails at once with
 * a {@link TrainingFailedException} saying how much it needs and what it may use.
 *
 * <p>Failures: a loss that becomes NaN or infinite, or an exception from Deeplearning4j, ends the
 * training with a {@link TrainingFailedException} whose message says what happened. A pruned
 * trial returns normally with {@link TrainResult#pruned()} set. Exceptions thrown by the callback
 * pass through unchanged.
 *
 * <p>Thread-safe: trials may train at once on several threads over the same {@link ExperimentData}.
 *
 * <p>It installs nothing into ND4J: the run's entry point has installed hyp's ND4J patches
 * ({@link dev.hyp.runtime.dl4j.nd4j.Nd4jPatches}) before the first trial; without them a network
 * trains to the same result, only slower.
 */
public final class Trainer {
  private Trainer() {}

  /**
   * Trains {@code builder}'s network on {@code data}.
   *
   * @param builder the trial's network (built once per fold)
   * @param data the run's shared data
   * @param normalization the trial's `normalize` setting
   * @param loss hyp's name of the output loss (hinge losses get -1/+1 labels)
   * @param options epochs, batch, early stopping, metric and seed
   * @param callback told the validation value after each epoch; may ask to prune
   */
  public static TrainResult train(NetworkBuilder builder, ExperimentData data, Normalization normalization,
      String loss, TrainOptions options, EpochCallback callback) {
    return train(builder, data, normalization, CategoryEncoding.DEFAULT, loss, options, callback);
  }

  /**
   * The same with the category columns encoded by {@code encoding} (the trial's `encoding`; the
   * builder's input must be {@link ExperimentData#inputShape(CategoryEncoding)} of it).
   */
  public static TrainResult train(NetworkBuilder builder, ExperimentData data, Normalization normalization,
      CategoryEncoding encoding, String loss, TrainOptions options, EpochCallback callback) {
    long start = System.nanoTime();
    List<Fold> folds = data.folds(normalization, loss, encoding);
    int k = folds.size();
    List<MultiLayerNetwork> nets = new ArrayList<>(k);
    try {
      MultiLayerConfiguration conf = builder.configuration();
      DataSet train = folds.get(0).train();
      long rowBytes = 4 * (train.getFeatures().length() + train.getLabels().length()) / train.numExamples();
      MemoryEstimate.of(conf, data.inputShape(encoding), (int) Math.min(options.batch(), train.numExamples()), k,
          options.patience() > 0, rowBytes).check(data.memoryBudget()); // before any weight exists
      for (int f = 0; f < k; f++) {
        nets.add(NetworkBuilder.build(weighted(conf, loss, folds.get(f).classWeights())));
      }
    } catch (TrainingFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TrainingFailedException("cannot build the network: " + describe(e), e);
    }
    boolean maximize = Metrics.higherIsBetter(options.metric());
    INDArray[] best = new INDArray[k];
    double bestValue = Double.NaN;
    int bestEpoch = 0;
    int sinceBest = 0;
    boolean pruned = false;
    List<Double> history = new ArrayList<>();
    Random[] order = new Random[k];
    for (int f = 0; f < k; f++) {
      order[f] = new Random(options.seed() * 1_000_003L + f);
    }
    int epoch = 0;
    PartOutput[] lastValidation = new PartOutput[k]; // the current network's, for the evaluation after training
    while (epoch < options.epochs()) {
      epoch++;
      double sum = 0;
      for (int f = 0; f < k; f++) {
        lastValidation[f] = null;
        trainEpoch(nets.get(f), folds.get(f).train(), options.batch(), order[f], epoch);
        lastValidation[f] = pass(nets.get(f), folds.get(f).validation());
        sum += metric(lastValidation[f], folds.get(f).validationTruth(), data, options.metric());
      }
      double value = sum / k;
      if (Double.isNaN(value)) {
        throw new TrainingFailedException("the validation " + options.metric() + " is NaN after epoch " + epoch);
      }
      history.add(value);
      boolean improved = bestEpoch == 0
          || (maximize ? value > bestValue + options.minDelta() : value < bestValue - options.minDelta());
      if (improved) {
        bestValue = value;
        bestEpoch = epoch;
        sinceBest = 0;
        if (options.patience() > 0 && epoch < options.epochs()) {
          for (int f = 0; f < k; f++) {
            best[f] = nets.get(f).params().dup();
          }
        } else {
          java.util.Arrays.fill(best, null); // the current weights are the best ones
        }
      } else {
        sinceBest++;
      }
      if (callback.onEpoch(epoch, value)) {
        pruned = true;
        break;
      }
      if (options.patience() > 0 && sinceBest >= options.patience()) {
        break;
      }
    }
    if (options.patience() > 0 && bestEpoch != epoch && best[0] != null) {
      for (int f = 0; f < k; f++) {
        nets.get(f).setParams(best[f]);
      }
      java.util.Arrays.fill(lastValidation, null); // another network's
    }
    Map<String, Double> validation = mean(k, f -> evaluate(lastValidation[f] != null ? lastValidation[f]
        : pass(nets.get(f), folds.get(f).validation()), folds.get(f).validationTruth(), data, true));
    Map<String, Double> test = folds.get(0).test() == null ? Map.of()
        : mean(k, f -> evaluate(pass(nets.get(f), folds.get(f).test()), folds.get(f).testTruth(), data, true));
    long millis = (System.nanoTime() - start) / 1_000_000;
    double[] values = history.stream().mapToDouble(Double::doubleValue).toArray();
    return new TrainResult(validation, test, epoch, bestEpoch, millis, nets.get(0), folds.get(0).normalizer(), pruned,
        values, folds.get(0).encoding());
  }

  /** {@code conf} with its output loss weighing the classes, or {@code conf} itself without weights. */
  private static MultiLayerConfiguration weighted(MultiLayerConfiguration conf, String loss, double[] weights) {
    if (weights == null) {
      return conf;
    }
    MultiLayerConfiguration copy = conf.clone();
    org.deeplearning4j.nn.conf.layers.Layer output = copy.getConf(copy.getConfs().size() - 1).getLayer();
    ((org.deeplearning4j.nn.conf.layers.BaseOutputLayer) output)
        .setLossFn(Names.weightedLoss(dev.hyp.runtime.vocab.Loss.of(loss), weights));
    return copy;
  }

  /**
   * Trains {@code builder}'s network on every non-test row ({@link ExperimentData#refitFold}) for
   * exactly {@code epochs} epochs: no validation, so no pruning and no early stopping; then every
   * metric on the test rows, when there are any. The rows are shuffled as a trial's first fold is
   * for the same {@code seed}.
   *
   * @param callback told the loss on the training rows after each epoch (its answer is ignored)
   */
  public static TrainResult trainOnAll(NetworkBuilder builder, ExperimentData data, Normalization normalization,
      String loss, int epochs, int batch, long seed, EpochCallback callback) {
    return trainOnAll(builder, data, normalization, CategoryEncoding.DEFAULT, loss, epochs, batch, seed, callback);
  }

  /** The same with the category columns encoded by {@code encoding}. */
  public static TrainResult trainOnAll(NetworkBuilder builder, ExperimentData data, Normalization normalization,
      CategoryEncoding encoding, String loss, int epochs, int batch, long seed, EpochCallback callback) {
    long start = System.nanoTime();
    Fold fold = data.refitFold(normalization, loss, encoding);
    MultiLayerNetwork net;
    try {
      MultiLayerConfiguration conf = builder.configuration();
      DataSet train = fold.train();
      long rowBytes = 4 * (train.getFeatures().length() + train.getLabels().length()) / train.numExamples();
      MemoryEstimate.of(conf, data.inputShape(encoding), (int) Math.min(batch, train.numExamples()), 1, false,
          rowBytes)
          .check(data.memoryBudget()); // before any weight exists
      net = NetworkBuilder.build(weighted(conf, loss, fold.classWeights()));
    } catch (TrainingFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TrainingFailedException("cannot build the network: " + describe(e), e);
    }
    Random order = new Random(seed * 1_000_003L); // as fold 0 of a trial with this seed
    double[] history = new double[epochs];
    for (int epoch = 1; epoch <= epochs; epoch++) {
      trainEpoch(net, fold.train(), batch, order, epoch);
      history[epoch - 1] = loss(net, fold.train());
      callback.onEpoch(epoch, history[epoch - 1]);
    }
    Map<String, Double> test = fold.test() == null ? Map.of()
        : evaluate(pass(net, fold.test()), fold.testTruth(), data, true);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new TrainResult(Map.of(), test, epochs, epochs, millis, net, fold.normalizer(), false, history,
        fold.encoding());
  }

  private static void trainEpoch(MultiLayerNetwork net, DataSet train, int batch, Random random, int epoch) {
    Minibatches batches = new Minibatches(train, batch);
    int n = batches.rows();
    int[] perm = batches.order(random);
    int batchIndex = 0;
    PreOutputReuse.dropInputGradient(net, true); // fit alone trains it here: the input's gradient is discarded
    try {
      for (int from = 0; from < n; from += batch) {
        batchIndex++;
        try {
          net.fit(batches.batch(perm, from));
        } catch (RuntimeException e) {
          throw new TrainingFailedException("training failed in epoch " + epoch + ": " + describe(e), e);
        }
        double score = net.score();
        if (!Double.isFinite(score)) {
          throw new TrainingFailedException("the loss became " + (Double.isNaN(score) ? "NaN" : "infinite")
              + " in epoch " + epoch + ", batch " + batchIndex + " (the learning rate may be too high)");
        }
      }
    } finally {
      PreOutputReuse.dropInputGradient(net, false);
    }
    net.incrementEpochCount();
  }

  /**
   * The objective's value from one inference pass over the part: the loss from the same pass
   * ({@link PartOutput}), accuracy, f1, precision and recall from the confusion counts alone.
   */
  private static double metric(PartOutput part, double[] truth, ExperimentData data, String metric) {
    if (metric.equals("loss")) {
      return loss(part);
    }
    if (data.task() == Task.CLASSIFICATION && !metric.equals("auc")) {
      return confusionMetrics(part.output(), truth, data.numClasses()).get(metric);
    }
    return evaluate(part, truth, data, false).get(metric);
  }

  /** One inference pass over {@code part}, for its metrics and its loss. */
  private static PartOutput pass(MultiLayerNetwork net, DataSet part) {
    try {
      return BatchedOutput.pass(net, part);
    } catch (RuntimeException e) {
      throw new TrainingFailedException("evaluation failed: " + describe(e), e);
    }
  }

  /**
   * accuracy, f1, precision and recall from the confusion counts alone, as {@link Metrics#classification(double[][],
   * int[], int)} gives them: the per-epoch value without the auc's sort of every row's scores per class and
   * without a row array per example (at 10,000 validation rows, most of an epoch's validation time).
   */
  private static Map<String, Double> confusionMetrics(INDArray out, double[] truth, int classes) {
    int columns = (int) out.size(1);
    float[] scores = out.dup('c').data().asFloat();
    long[][] confusion = new long[classes][classes];
    for (int i = 0; i < truth.length; i++) {
      int best = 0; // the first of equal outputs, as Metrics.argmax (float to double keeps order and ties)
      for (int k = 1; k < columns; k++) {
        if (scores[i * columns + k] > scores[i * columns + best]) {
          best = k;
        }
      }
      confusion[(int) truth[i]][best]++;
    }
    return Metrics.classification(confusion);
  }

  private static Map<String, Double> evaluate(PartOutput part, double[] truth, ExperimentData data, boolean withLoss) {
    INDArray out = part.output();
    Map<String, Double> metrics = new LinkedHashMap<>();
    if (data.task() == Task.CLASSIFICATION) {
      int[] labels = new int[truth.length];
      for (int i = 0; i < truth.length; i++) {
        labels[i] = (int) truth[i];
      }
      metrics.putAll(Metrics.classification(rowsOf(out), labels, data.numClasses()));
    } else {
      double[] predictions = out.getColumn(0).dup().toDoubleVector();
      metrics.putAll(Metrics.regression(predictions, truth));
    }
    if (withLoss) {
      metrics.put("loss", loss(part));
    }
    return metrics;
  }

  /**
   * A 2-D array's rows, as {@code toDoubleMatrix()} gives them, through one copy instead of a row
   * view and a copy per row (each a native buffer for ND4J's deallocator to track).
   */
  static double[][] rowsOf(INDArray matrix) {
    int rows = (int) matrix.size(0);
    int columns = (int) matrix.size(1);
    double[] values = matrix.dup('c').data().asDouble();
    double[][] out = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(values, i * columns, out[i], 0, columns);
    }
    return out;
  }

  /** The loss function's mean over the part's rows, without the l1/l2 terms DL4J's score adds. */
  private static double loss(PartOutput part) {
    try {
      return part.score() - part.regularization();
    } catch (RuntimeException e) {
      throw new TrainingFailedException("evaluation failed: " + describe(e), e);
    }
  }

  /** The loss function's mean over the rows, without the l1/l2 terms DL4J's score adds. */
  private static double loss(MultiLayerNetwork net, DataSet part) {
    try {
      return BatchedOutput.score(net, part) - net.calcRegularizationScore(true);
    } catch (RuntimeException e) {
      throw new TrainingFailedException("evaluation failed: " + describe(e), e);
    }
  }

  private interface FoldMetrics {
    Map<String, Double> of(int fold);
  }

  private static Map<String, Double> mean(int k, FoldMetrics metrics) {
    Map<String, Double> sum = new LinkedHashMap<>();
    for (int f = 0; f < k; f++) {
      metrics.of(f).forEach((name, v) -> sum.merge(name, v, Double::sum));
    }
    sum.replaceAll((name, v) -> v / k);
    return java.util.Collections.unmodifiableMap(sum);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
