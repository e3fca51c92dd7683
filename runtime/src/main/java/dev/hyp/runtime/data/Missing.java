package dev.hyp.runtime.data;

import java.util.Locale;

/**
 * `missing = mean | median | most_frequent | zero | drop`: what a missing cell of a feature
 * becomes, fitted on the training part only. A category column has no mean or median: for it the
 * data-wide {@link #MEAN} and {@link #MEDIAN} mean {@link #MOST_FREQUENT}.
 */
public enum Missing {
  /** The mean of the training part's values. */
  MEAN,
  /** The median of the training part's values. */
  MEDIAN,
  /** The training part's most frequent value (the smallest of the tied ones). */
  MOST_FREQUENT,
  /** 0 for a number; no one-hot slot set for a category. */
  ZERO,
  /** The row is left out of training, validation and test; prediction refuses such a row. */
  DROP;

  public static final Missing DEFAULT = MEAN;

  /** By hyp's lower-case name. */
  public static Missing of(String name) {
    for (Missing missing : values()) {
      if (missing.hypName().equals(name)) {
        return missing;
      }
    }
    throw new IllegalArgumentException("unknown missing-value rule `" + name + "`");
  }

  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a column of numbers may use it (every rule) or one of categories (not mean or median). */
  public boolean forCategories() {
    return this != MEAN && this != MEDIAN;
  }

  @Override
  public String toString() {
    return hypName();
  }
}
