package dev.hyp.runtime.trial;

/**
 * An objective as views name it: {@code accuracy on validation}, {@code params}.
 *
 * @param split a metric's split, null for `params`, `train_time` and `latency`
 */
public record ObjectiveName(String measure, String split, Direction direction) {

  /** {@code accuracy on validation}, {@code params}. */
  public String label() {
    return split == null ? measure : measure + " on " + split;
  }

  /** A column's name: {@code accuracy}, or {@code accuracy_test} for a metric on the test split. */
  public String column() {
    return split == null || split.equals("validation") ? measure : measure + "_" + split;
  }
}
