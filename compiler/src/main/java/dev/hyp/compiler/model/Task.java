package dev.hyp.compiler.model;

/** What the output layer's loss says the model does. */
public enum Task {
  CLASSIFICATION,
  REGRESSION
}
