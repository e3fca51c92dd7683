package dev.hyp.runtime.vocab;

import java.util.Locale;

/**
 * `output(loss = NAME)`: every loss, with what it says about the task (classification or
 * regression), how its labels are encoded, and the output activation it gets by default.
 *
 * <p>Deliberately not in the language: DL4J's SPARSE_MCXENT (labels as class indexes; hyp
 * one-hot encodes them, and `mcxent` is the same loss), RECONSTRUCTION_CROSSENTROPY and
 * WASSERSTEIN (for autoencoders and GANs, which the language cannot build), and EXPLL, L1, L2,
 * SQUARED_LOSS, RMSE_XENT (the same as `poisson`, `mae`, `mse` up to a constant, or rarely used).
 */
public enum Loss implements Term {
  MCXENT(true, Activation.SOFTMAX),
  XENT(true, Activation.SIGMOID),
  NEGATIVELOGLIKELIHOOD(true, Activation.SOFTMAX),
  /** Labels are -1 / +1 (DL4J's hinge losses). */
  HINGE(true, Activation.IDENTITY),
  /** Labels are -1 / +1 (DL4J's hinge losses). */
  SQUAREDHINGE(true, Activation.IDENTITY),
  KLDIVERGENCE(true, Activation.SOFTMAX),
  MSE(false, Activation.IDENTITY),
  MAE(false, Activation.IDENTITY),
  MSLE(false, Activation.IDENTITY),
  MAPE(false, Activation.IDENTITY),
  POISSON(false, Activation.IDENTITY),
  COSINEPROXIMITY(false, Activation.IDENTITY);

  private final boolean classification;
  private final Activation defaultActivation;

  Loss(boolean classification, Activation defaultActivation) {
    this.classification = classification;
    this.defaultActivation = defaultActivation;
  }

  /** True for a classification loss, false for a regression loss. */
  public boolean classification() {
    return classification;
  }

  /** Whether the labels are -1 / +1 rather than 0 / 1 (one-hot). */
  public boolean plusMinusOneLabels() {
    return this == HINGE || this == SQUAREDHINGE;
  }

  /** Whether `class_weights` can weigh it: the cross-entropies (DL4J takes a weight per output). */
  public boolean weighable() {
    return this == MCXENT || this == XENT || this == NEGATIVELOGLIKELIHOOD;
  }

  /** The output activation this loss gets when the spec names none. */
  public Activation defaultActivation() {
    return defaultActivation;
  }

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static Loss of(String name) {
    return Term.of(Loss.class, name, "loss");
  }
}
