package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of docs/language.md, computed from a network's outputs and the true labels.
 *
 * <ul>
 *   <li>accuracy: the fraction of rows whose highest output is the true class.
 *   <li>precision, recall, f1: macro averages over the classes; a class never predicted has
 *       precision 0, a class absent from the labels recall 0 (as scikit-learn with zero_division=0).
 *   <li>auc: area under the ROC curve, ties counted half (Mann-Whitney). Binary: of the second
 *       class's output (classes sorted, so the second class is the positive one). More than two
 *       classes: the macro average of one-vs-rest AUCs over the classes present with both
 *       positives and negatives.
 *   <li>mse, rmse, mae, r2 (1 - SSE / SST; 0 when the labels are constant): regression.
 *   <li>loss: the network's loss function, averaged over rows, without l1/l2 terms (computed by
 *       the trainer, not here).
 * </ul>
 */
public final class Metrics {
  private Metrics() {}

  public static final List<String> CLASSIFICATION = List.of("accuracy", "f1", "precision", "recall", "auc", "loss");
  public static final List<String> REGRESSION = List.of("mse", "rmse", "mae", "r2", "loss");

  /** Whether larger is better for {@code metric}. */
  public static boolean higherIsBetter(String metric) {
    return switch (metric) {
      case "accuracy", "f1", "precision", "recall", "auc", "r2" -> true;
      case "mse", "rmse", "mae", "loss" -> false;
      default -> throw new IllegalArgumentException("unknown metric `" + metric + "`");
    };
  }

  public static List<String> of(Task task) {
    return task == Task.CLASSIFICATION ? CLASSIFICATION : REGRESSION;
  }

  /** accuracy, f1, precision, recall and auc of the outputs {@code scores[row][class]} against {@code labels}. */
  public static Map<String, Double> classification(double[][] scores, int[] labels, int classes) {
    long[][] confusion = new long[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      confusion[labels[i]][argmax(scores[i])]++;
    }
    Map<String, Double> metrics = classification(confusion);
    metrics.put("auc", auc(scores, labels, classes));
    return metrics;
  }

  /**
   * accuracy, f1, precision and recall from the counts {@code confusion[true class][predicted class]}:
   * what a stream of rows can keep (auc needs every row's score).
   */
  public static Map<String, Double> classification(long[][] confusion) {
    int classes = confusion.length;
    long n = 0;
    long correct = 0;
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    for (int c = 0; c < classes; c++) {
      correct += confusion[c][c];
      long predicted = 0;
      long actual = 0;
      for (int k = 0; k < classes; k++) {
        predicted += confusion[k][c];
        actual += confusion[c][k];
      }
      n += actual;
      double p = predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
      double r = actual == 0 ? 0 : (double) confusion[c][c] / actual;
      precision += p;
      recall += r;
      f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("accuracy", n == 0 ? Double.NaN : (double) correct / n);
    metrics.put("f1", f1 / classes);
    metrics.put("precision", precision / classes);
    metrics.put("recall", recall / classes);
    return metrics;
  }

  /** mse, rmse, mae and r2 of {@code predictions} against {@code targets}. */
  public static Map<String, Double> regression(double[] predictions, double[] targets) {
    int n = targets.length;
    double mean = Arrays.stream(targets).average().orElse(Double.NaN);
    double sse = 0;
    double sae = 0;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      double e = predictions[i] - targets[i];
      sse += e * e;
      sae += Math.abs(e);
      sst += (targets[i] - mean) * (targets[i] - mean);
    }
    return regression(n, sse, sae, sst);
  }

  /**
   * mse, rmse, mae and r2 from sums over {@code n} rows: of squared errors, of absolute errors, and
   * of the targets' squared deviations from their mean (what a stream of rows can keep).
   */
  public static Map<String, Double> regression(long n, double sse, double sae, double sst) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("mse", sse / n);
    metrics.put("rmse", Math.sqrt(sse / n));
    metrics.put("mae", sae / n);
    metrics.put("r2", sst == 0 ? 0 : 1 - sse / sst);
    return metrics;
  }

  static double auc(double[][] scores, int[] labels, int classes) {
    if (classes == 2) {
      return binaryAuc(scores, labels, 1);
    }
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < classes; c++) {
      double a = binaryAuc(scores, labels, c);
      if (!Double.isNaN(a)) {
        sum += a;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /**
   * ROC AUC of column {@code positive} for "label == positive", by ranks with ties averaged; NaN without both kinds.
   * The column's scores and the positives' are sorted as primitives, not rows by a comparator: a trial's evaluation
   * sorted 8 x 10,000 boxed rows through TimSort, which C2 compiled again after every trial (its code made not
   * entrant each time; docs/performance.md, "JIT for two trials at once"). The ranks are added in the same order as
   * a sort of the rows would give, so the value is the same to the bit.
   */
  static double binaryAuc(double[][] scores, int[] labels, int positive) {
    int n = labels.length;
    double[] all = new double[n];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      all[i] = scores[i][positive];
      positives += labels[i] == positive ? 1 : 0;
    }
    double[] ofPositives = new double[positives];
    for (int i = 0, p = 0; i < n; i++) {
      if (labels[i] == positive) {
        ofPositives[p++] = all[i];
      }
    }
    Arrays.sort(all); // the order of Double.compare: -0.0 before 0.0, NaN last
    Arrays.sort(ofPositives);
    double rankSum = 0;
    int i = 0;
    int p = 0;
    while (i < n && !Double.isNaN(all[i])) {
      int j = i;
      while (j + 1 < n && all[j + 1] == all[i]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // average 1-based rank of the tie group
      while (p < positives && ofPositives[p] == all[i]) {
        rankSum += rank;
        p++;
      }
      i = j + 1;
    }
    // NaN equals nothing: each is its own group, in row order (a stable sort's)
    for (int row = 0; row < n && i < n; row++) {
      if (Double.isNaN(scores[row][positive])) {
        if (labels[row] == positive) {
          rankSum += i + 1;
        }
        i++;
      }
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - (long) positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The index of the highest output, the first of equal ones: the predicted class. */
  public static int argmax(double[] row) {
    int best = 0;
    for (int k = 1; k < row.length; k++) {
      if (row[k] > row[best]) {
        best = k;
      }
    }
    return best;
  }
}
