package dev.hyp.runtime.trial;

import java.util.Locale;

/**
 * A bound on a measure, as a spec writes it in `constraints { }`: {@code params <= 20000},
 * {@code accuracy on validation >= 0.8}.
 *
 * @param measure a metric, `params`, `train_time` or `latency`
 * @param split the split of a metric, null for the other measures
 * @param atMost true for {@code <=}, false for {@code >=}
 */
public record Constraint(String measure, String split, boolean atMost, double bound) {

  /**
   * How far {@code measured} misses the bound, relative to the bound's size (so that bounds of
   * different scales add up): 0 when it is met; NaN measured (not taken) misses by 1.
   */
  public double violation(double measured) {
    if (Double.isNaN(measured)) {
      return 1;
    }
    double miss = atMost ? measured - bound : bound - measured;
    return miss <= 0 ? 0 : miss / Math.max(Math.abs(bound), 1e-9);
  }

  /** The constraint as the spec writes it: {@code params <= 20000}. */
  public String text() {
    return measure + (split == null ? "" : " on " + split) + (atMost ? " <= " : " >= ") + number(bound);
  }

  /** Why a trial whose measure came out {@code measured} is infeasible: {@code params 52312 > 20000}. */
  public String reason(double measured) {
    return measure + " " + number(measured) + (atMost ? " > " : " < ") + number(bound);
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
  }
}
