package dev.hyp.runtime.data;

import java.util.Locale;

/**
 * `encoding = onehot | embedding`: how a category column becomes features. {@link #ONEHOT} gives
 * a slot per level; {@link #EMBEDDING} gives one feature, the level's index into a table of
 * vectors the network learns with its other weights (index 0 is reserved for a level training did
 * not see). May be a parameter: each trial prepares the data its own way.
 */
public enum CategoryEncoding {
  /** One 0/1 slot per level (up to `max_onehot`, then an `other` slot). */
  ONEHOT,
  /** A learned vector per level, looked up by the network's first layer. */
  EMBEDDING;

  /** The default of `encoding`. */
  public static final CategoryEncoding DEFAULT = ONEHOT;

  /** An embedding's largest default dimension. */
  public static final int MAX_DEFAULT_DIM = 50;

  /** An embedding's largest dimension a spec may give. */
  public static final int MAX_DIM = 1024;

  /** By hyp's lower-case name. */
  public static CategoryEncoding of(String name) {
    for (CategoryEncoding encoding : values()) {
      if (encoding.hypName().equals(name)) {
        return encoding;
      }
    }
    throw new IllegalArgumentException("unknown category encoding `" + name + "`");
  }

  /**
   * The dimension of an embedding of {@code levels} levels when the spec gives none: half the
   * levels, rounded up, at most {@value #MAX_DEFAULT_DIM} (the rule of fast.ai's tabular models
   * before 2019): 2 levels give 1, 10 give 5, 100 or more give 50.
   */
  public static int defaultDim(int levels) {
    return Math.max(1, Math.min(MAX_DEFAULT_DIM, (levels + 1) / 2));
  }

  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return hypName();
  }
}
