package dev.hyp.runtime.data;

/** What the output layer's loss says the model does. */
public enum Task {
  CLASSIFICATION,
  REGRESSION
}
