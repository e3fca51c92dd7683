package dev.hyp.runtime.vocab;

import java.util.Locale;

/**
 * `weight_init = NAME`: how a network's first weights are drawn.
 *
 * <p>Deliberately not in the language: DL4J's DISTRIBUTION and CONSTANT (they need an argument),
 * IDENTITY (square layers only) and the VAR_SCALING family (the same draws as `xavier` and
 * `lecun_*` under other names).
 */
public enum WeightInit implements Term {
  XAVIER, XAVIER_UNIFORM, XAVIER_FAN_IN, RELU, RELU_UNIFORM, LECUN_NORMAL, LECUN_UNIFORM, NORMAL, UNIFORM, ZERO, ONES,
  SIGMOID_UNIFORM;

  /** What a network gets when the spec names none. */
  public static final WeightInit DEFAULT = XAVIER;

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static WeightInit of(String name) {
    return Term.of(WeightInit.class, name, "weight init");
  }
}
