package dev.hyp.runtime.trial;

/** Whether the objective is to be made large or small. */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Whether {@code a} is strictly better than {@code b}; NaN is worse than anything. */
  public boolean isBetter(double a, double b) {
    if (Double.isNaN(a)) {
      return false;
    }
    if (Double.isNaN(b)) {
      return true;
    }
    return this == MAXIMIZE ? a > b : a < b;
  }

  /** Maps values so that smaller is always better, which lets samplers sort one way. */
  public double toLoss(double value) {
    if (Double.isNaN(value)) {
      return Double.POSITIVE_INFINITY;
    }
    return this == MAXIMIZE ? -value : value;
  }

  /** Whether {@code value} reaches {@code target} (at least it when maximizing, at most when minimizing). */
  public boolean reaches(double value, double target) {
    return this == MAXIMIZE ? value >= target : value <= target;
  }
}
