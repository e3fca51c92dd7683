package dev.hyp.runtime.predict;

import dev.hyp.runtime.dl4j.Metrics;
import java.util.Map;

/**
 * The metrics of predictions against a label column, kept as counts and sums while the rows stream
 * past: a confusion matrix for classes, sums of errors for values. No row is kept, so auc (which
 * ranks every row's score) and loss are not among them.
 */
abstract sealed class LabelTally {
  long rows;

  static LabelTally of(Predictor predictor) {
    return predictor.classes().isEmpty() ? new Values() : new Classes(predictor.classes().size());
  }

  /** Counts one row: its true label (a class index, or the value) and the model's output for it. */
  abstract void add(double truth, double[] output);

  abstract Map<String, Double> metrics();

  static final class Classes extends LabelTally {
    private final long[][] confusion;

    Classes(int classes) {
      confusion = new long[classes][classes];
    }

    @Override
    void add(double truth, double[] output) {
      confusion[(int) truth][Metrics.argmax(output)]++;
      rows++;
    }

    @Override
    Map<String, Double> metrics() {
      return Metrics.classification(confusion);
    }
  }

  static final class Values extends LabelTally {
    private double squaredErrors;
    private double absoluteErrors;
    private double mean;
    private double squaredDeviations; // Welford's running sum, stable where sum(y^2) - n mean^2 is not

    @Override
    void add(double truth, double[] output) {
      double error = output[0] - truth;
      squaredErrors += error * error;
      absoluteErrors += Math.abs(error);
      rows++;
      double delta = truth - mean;
      mean += delta / rows;
      squaredDeviations += delta * (truth - mean);
    }

    @Override
    Map<String, Double> metrics() {
      return Metrics.regression(rows, squaredErrors, absoluteErrors, squaredDeviations);
    }
  }
}
