package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.RowEncoding;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * One training/validation division of the data, normalised (fitted on {@code train} only), as
 * ND4J arrays ready to train on. Shared read-only between trials: never modify its arrays.
 *
 * @param train the training rows
 * @param validation the validation rows
 * @param test the test rows (a separate file or the holdout's test part), or null
 * @param validationTruth class index or target of each validation row
 * @param testTruth class index or target of each test row, or null
 * @param normalizer the normalizer fitted on {@code train}, or null for `normalize = none`
 * @param encoding how a raw row becomes the features, fitted on {@code train}'s rows (a model
 *     trained on this fold keeps it)
 * @param classWeights each class's weight in the loss, fitted on {@code train}, or null for none
 */
public record Fold(DataSet train, DataSet validation, DataSet test, double[] validationTruth, double[] testTruth,
    DataNormalization normalizer, RowEncoding encoding, double[] classWeights) {

  public int trainSize() {
    return (int) train.getFeatures().size(0);
  }
}
