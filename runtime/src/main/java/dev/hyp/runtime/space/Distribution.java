package dev.hyp.runtime.space;

import java.util.List;

/** The set of values one parameter may take, as the language's {@code params} forms define it. */
public sealed interface Distribution
    permits FloatDistribution, IntDistribution, CategoricalDistribution, ConstantDistribution {

  /** Whether {@code value} is one this distribution can produce. */
  boolean contains(Object value);

  /** Whether the set of values is finite, so a grid can enumerate it. */
  boolean isFinite();

  /** Every value in declaration/ascending order; only for finite distributions. */
  List<Object> enumerate();

  /** How many values {@link #enumerate} would give (saturating at Long.MAX_VALUE); only for finite ones. */
  long count();

  /** The {@code index}-th value of {@link #enumerate}, without listing the others (a grid of 10^12 points walks this). */
  Object valueAt(long index);

  /**
   * Brings a value read back from storage or JSON (where 3 may arrive as an Integer and 3.0 as
   * a Float) to the exact Java type this distribution produces.
   */
  Object normalize(Object value);
}
