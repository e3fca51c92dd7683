package dev.hyp.runtime.experiment;

/** Conversions generated code needs between a spec's whole numbers (long) and DL4J's int sizes. */
public final class Numbers {
  private Numbers() {}

  /** An int, or an ArithmeticException naming the value when it does not fit. */
  public static int toInt(long value) {
    return Math.toIntExact(value);
  }

  /** As {@link #toInt(long)}, keeping null (an argument left to its default). */
  public static Integer toIntOrNull(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }
}
