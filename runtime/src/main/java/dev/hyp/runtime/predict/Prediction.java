package dev.hyp.runtime.predict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model says about one row.
 *
 * @param className the predicted class (the one with the highest output), or null for a regression model
 * @param probabilities each class's output, in the model's class order (a softmax output's are
 *     probabilities that sum to 1); empty for a regression model
 * @param value the predicted value of a regression model, or NaN for a classification model
 */
public record Prediction(String className, Map<String, Double> probabilities, double value) {
  public Prediction {
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities)); // in class order
  }

  /** Whether this is a class (else a regression value). */
  public boolean isClass() {
    return className != null;
  }

  /** What `hyp predict` writes in its `prediction` column: the class name, or the value. */
  public String text() {
    return isClass() ? className : valueText(value);
  }

  /** An output as the CSV writes it: the network computes in floats, so the shortest text of the float. */
  static String valueText(double output) {
    return Float.toString((float) output);
  }
}
