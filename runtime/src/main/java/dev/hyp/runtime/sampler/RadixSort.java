package dev.hyp.runtime.sampler;

/**
 * Stable least-significant-digit radix sort of longs by a bit field: a few linear passes, which
 * beats a comparison sort on the thousand-element arrays TPE sorts on every ask.
 */
final class RadixSort {
  private static final int DIGIT_BITS = 8;
  private static final int BUCKETS = 1 << DIGIT_BITS;

  private RadixSort() {}

  /** Sorts {@code keys} in place by bits {@code from} .. {@code from + width - 1}, keeping ties in order. */
  static void sort(long[] keys, int from, int width) {
    long[] buffer = new long[keys.length];
    long[] in = keys;
    long[] out = buffer;
    int[] count = new int[BUCKETS];
    for (int shift = from; shift < from + width; shift += DIGIT_BITS) {
      java.util.Arrays.fill(count, 0);
      for (long key : in) {
        count[(int) (key >>> shift) & (BUCKETS - 1)]++;
      }
      if (count[(int) (in[0] >>> shift) & (BUCKETS - 1)] == in.length) {
        continue; // every key has the same digit here: nothing to reorder
      }
      int total = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = count[b];
        count[b] = total;
        total += c;
      }
      for (long key : in) {
        out[count[(int) (key >>> shift) & (BUCKETS - 1)]++] = key;
      }
      long[] swap = in;
      in = out;
      out = swap;
    }
    if (in != keys) {
      System.arraycopy(in, 0, keys, 0, keys.length);
    }
  }
}
