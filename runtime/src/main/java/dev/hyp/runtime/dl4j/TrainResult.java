package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.RowEncoding;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * What a trial's training gave.
 *
 * @param validation every metric of the task on validation (the mean over folds for k-fold), for
 *     the returned network
 * @param test every metric on the test rows, or an empty map when there are none
 * @param epochsRun epochs trained (fewer than asked after early stopping or pruning)
 * @param bestEpoch the epoch (from 1) with the best validation value of the objective's metric
 * @param trainingMillis wall time of the training, evaluation included
 * @param network the trained network: the best epoch's weights when early stopping was on, else
 *     the last epoch's (for k-fold, the first fold's network)
 * @param normalizer the normalizer fitted on the training part (null for `normalize = none`)
 * @param pruned whether the epoch callback asked to stop
 * @param history the objective's validation value after each epoch run
 * @param encoding how a raw row becomes the network's features, as fitted on the training part of
 *     the returned network's fold; null when the caller did not say (then the data's own encoding)
 */
public record TrainResult(Map<String, Double> validation, Map<String, Double> test, int epochsRun, int bestEpoch,
    long trainingMillis, MultiLayerNetwork network, DataNormalization normalizer, boolean pruned, double[] history,
    RowEncoding encoding) {

  /** A result whose encoding is the data's own ({@link ExperimentData#encoding()}). */
  public TrainResult(Map<String, Double> validation, Map<String, Double> test, int epochsRun, int bestEpoch,
      long trainingMillis, MultiLayerNetwork network, DataNormalization normalizer, boolean pruned, double[] history) {
    this(validation, test, epochsRun, bestEpoch, trainingMillis, network, normalizer, pruned, history, null);
  }

  /** The objective's metric on validation, as handed to the study. */
  public double validationValue(String metric) {
    return validation.get(metric);
  }

  /** The metric on {@code split} ("validation" or "test"). */
  public double value(String metric, String split) {
    Map<String, Double> metrics = split.equals("test") ? test : validation;
    Double value = metrics.get(metric);
    if (value == null) {
      throw new IllegalArgumentException("no metric `" + metric + "` on " + split);
    }
    return value;
  }
}
