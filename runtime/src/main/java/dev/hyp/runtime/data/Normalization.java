package dev.hyp.runtime.data;

import java.util.Locale;

/** `normalize = none | standard | minmax`: fitted on the training part only. */
public enum Normalization {
  /** The features as read. */
  NONE,
  /** Zero mean and unit variance per feature (a constant feature is only centred). */
  STANDARD,
  /** Each feature scaled to [0, 1] over the training part. */
  MINMAX;

  /** By hyp's lower-case name. */
  public static Normalization of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "standard" -> STANDARD;
      case "minmax" -> MINMAX;
      default -> throw new IllegalArgumentException("unknown normalization `" + name + "`");
    };
  }

  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, as the vocabulary's constants print. */
  @Override
  public String toString() {
    return hypName();
  }
}
