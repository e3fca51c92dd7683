package dev.hyp.runtime.data;

import java.util.Locale;

/**
 * What a column of a table looks like, from its cells: how `hyp check`, `hyp inspect` and the
 * loader describe it. Only {@link #NUMBER} and {@link #CATEGORY} say how a feature is encoded
 * (and are what a spec may declare); the others are warnings about the data.
 */
public enum ColumnKind {
  /** Every cell that is not missing is a number. */
  NUMBER,
  /** Some cell is text: one-hot encoded. */
  CATEGORY,
  /** Every value distinct (text), or whole numbers in every row that only grow: a row number, not a feature. */
  ID_LIKE,
  /** One value in every cell that is not missing. */
  CONSTANT,
  /** More than half of the cells are missing. */
  MOSTLY_EMPTY,
  /** Every cell is missing. */
  EMPTY;

  /** By hyp's lower-case name. */
  public static ColumnKind of(String name) {
    for (ColumnKind kind : values()) {
      if (kind.hypName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown column kind `" + name + "`");
  }

  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return hypName();
  }
}
