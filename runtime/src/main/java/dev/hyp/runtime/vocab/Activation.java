package dev.hyp.runtime.vocab;

import java.util.Locale;

/**
 * `activation = NAME`: every activation a layer can take.
 *
 * <p>Deliberately not in the language: DL4J's RRELU (random slopes in training, a fixed one in
 * testing, so a trial's validation value would not be its training network's) and
 * THRESHOLDEDRELU (its threshold would need an argument).
 */
public enum Activation implements Term {
  RELU, RELU6, LEAKYRELU, ELU, SELU, GELU, SWISH, MISH, TANH, HARDTANH, SIGMOID, HARDSIGMOID, SOFTMAX, SOFTPLUS,
  SOFTSIGN, IDENTITY, CUBE, RATIONALTANH, RECTIFIEDTANH;

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static Activation of(String name) {
    return Term.of(Activation.class, name, "activation");
  }
}
