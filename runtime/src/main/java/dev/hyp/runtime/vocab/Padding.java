package dev.hyp.runtime.vocab;

import java.util.Locale;

/** `conv2d(padding = NAME)`: `same` keeps the image's size (at stride 1), `valid` uses only whole windows. */
public enum Padding implements Term {
  SAME, VALID;

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static Padding of(String name) {
    return Term.of(Padding.class, name, "padding");
  }
}
