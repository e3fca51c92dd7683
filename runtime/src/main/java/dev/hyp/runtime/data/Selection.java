package dev.hyp.runtime.data;

/**
 * The k-th smallest of some floats without sorting them (a median of 2 million values in a
 * fraction of a sort's time), in {@link Float#compare}'s order, so exactly the value
 * {@code Arrays.sort} would put at index k (-0.0 before 0.0 too).
 */
final class Selection {
  private Selection() {}

  /**
   * Reorders {@code values[0, n)} so that index {@code k} holds what sorting would put there, every
   * value before it no larger and every value after it no smaller; returns it.
   */
  static float select(float[] values, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // the median of three as pivot: sorted or constant columns stay linear
      if (Float.compare(values[mid], values[lo]) < 0) {
        swap(values, mid, lo);
      }
      if (Float.compare(values[hi], values[lo]) < 0) {
        swap(values, hi, lo);
      }
      if (Float.compare(values[hi], values[mid]) < 0) {
        swap(values, hi, mid);
      }
      float pivot = values[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Float.compare(values[i], pivot) < 0) {
          i++;
        }
        while (Float.compare(values[j], pivot) > 0) {
          j--;
        }
        if (i <= j) {
          swap(values, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }

  private static void swap(float[] a, int i, int j) {
    float t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
