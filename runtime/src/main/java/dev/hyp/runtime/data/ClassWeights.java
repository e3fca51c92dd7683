package dev.hyp.runtime.data;

import java.util.Arrays;
import java.util.List;

/**
 * `class_weights = none | balanced | [w1, w2, ...]`: how much each class counts in a classification
 * loss. Balanced weights are fitted on each fold's training part: n / (classes * n_c), as
 * scikit-learn's `class_weight="balanced"` (a class absent from the part weighs 1). Explicit
 * weights go in the classes' index order (sorted, as the loader orders them).
 *
 * @param balanced whether the weights are fitted
 * @param explicit the weights as given, or null
 */
public record ClassWeights(boolean balanced, List<Double> explicit) {
  public static final ClassWeights NONE = new ClassWeights(false, null);
  public static final ClassWeights BALANCED = new ClassWeights(true, null);

  public ClassWeights {
    if (balanced && explicit != null) {
      throw new IllegalArgumentException("balanced or explicit, not both");
    }
    explicit = explicit == null ? null : List.copyOf(explicit);
  }

  public static ClassWeights of(List<Double> weights) {
    return new ClassWeights(false, weights);
  }

  public boolean none() {
    return !balanced && explicit == null;
  }

  /**
   * The weight of each class for a training part, or null for none.
   *
   * @param classes the number of classes
   * @param trainClasses the class index of each training row
   * @param file named in the message when the explicit weights do not fit the classes
   */
  public double[] fit(int classes, int[] trainClasses, java.nio.file.Path file, List<String> names) {
    if (none()) {
      return null;
    }
    if (explicit != null) {
      if (explicit.size() != classes) {
        throw new DataException(file, 0, null, "`class_weights` gives " + explicit.size() + " weights, but the label has "
            + classes + " classes " + names + "; give one weight per class, in that order");
      }
      return explicit.stream().mapToDouble(Double::doubleValue).toArray();
    }
    long[] counts = new long[classes];
    for (int c : trainClasses) {
      counts[c]++;
    }
    double[] weights = new double[classes];
    for (int c = 0; c < classes; c++) {
      weights[c] = counts[c] == 0 ? 1.0 : (double) trainClasses.length / (classes * (double) counts[c]);
    }
    return weights;
  }

  @Override
  public String toString() {
    return balanced ? "balanced" : explicit == null ? "none" : Arrays.toString(explicit.toArray());
  }
}
