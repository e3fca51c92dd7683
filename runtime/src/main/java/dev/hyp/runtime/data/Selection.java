package dev.hyp.runtime.data;

/**
 * The k-th smallest of some floats without sorting them (a median of 2 million values in a
 * fraction of a sort's time), in {@link Float#compare}'s order, so exactly the value
 * {@code Arrays.sort} would put at index k (-0.0 before 0.0 too).
 */
final class Selection {
  private static final int BUCKETS = 1 << 16;

  private Selection() {}

  /**
   * What sorting {@code values[0, n)} would put at index {@code k}, the values left as they are (a NaN comes back
   * as the canonical NaN). A radix selection on order-preserving keys: a count of the keys' upper 16 bits finds
   * the k-th's bucket, a count of the lower 16 bits of that bucket's keys finds it there. Two passes over the
   * values with no comparison to mispredict: a quickselect's branches, taken at random on real data, cost several
   * times as much on a column of 650,000 (issue 19's 200 MB table has fourteen such medians).
   */
  static float smallest(float[] values, int n, int k) {
    return select(values, n, k, k)[0];
  }

  /** The median of {@code values[0, n)}: the middle value, or the mean of the two middle ones, as sorting gives them. */
  static double median(float[] values, int n) {
    float[] middle = select(values, n, (n - 1) / 2, n / 2);
    return n % 2 == 1 ? middle[1] : (middle[0] + (double) middle[1]) / 2;
  }

  /** The values at {@code first <= second} of the sorted order, in one count of the upper bits and one of the lower. */
  private static float[] select(float[] values, int n, int first, int second) {
    if (first < 0 || second >= n || first > second) {
      throw new IndexOutOfBoundsException("k " + first + ", " + second + " of " + n);
    }
    int[] upper = new int[BUCKETS];
    for (int i = 0; i < n; i++) {
      upper[key(values[i]) >>> 16]++;
    }
    int firstBucket = bucket(upper, first);
    int secondBucket = bucket(upper, second);
    int[] firstLower = new int[BUCKETS];
    int[] secondLower = secondBucket == firstBucket ? firstLower : new int[BUCKETS];
    for (int i = 0; i < n; i++) {
      int key = key(values[i]);
      int bucket = key >>> 16;
      if (bucket == firstBucket) {
        firstLower[key & 0xffff]++;
      } else if (bucket == secondBucket) {
        secondLower[key & 0xffff]++;
      }
    }
    return new float[] {value(firstBucket, firstLower, first - below(upper, firstBucket)),
        value(secondBucket, secondLower, second - below(upper, secondBucket))};
  }

  /** The bucket that holds the k-th smallest key. */
  private static int bucket(int[] counts, int k) {
    int bucket = 0;
    for (int below = 0; below + counts[bucket] <= k; bucket++) {
      below += counts[bucket];
    }
    return bucket;
  }

  private static int below(int[] counts, int bucket) {
    int below = 0;
    for (int b = 0; b < bucket; b++) {
      below += counts[b];
    }
    return below;
  }

  /** The value whose key is in {@code bucket} at rank {@code k} among that bucket's keys. */
  private static float value(int bucket, int[] lower, int k) {
    int low = bucket(lower, k);
    int key = bucket << 16 | low;
    return Float.intBitsToFloat(key ^ (~key >> 31 | Integer.MIN_VALUE));
  }

  /** A key whose unsigned order is {@link Float#compare}'s: negative floats' bits reversed, the sign bit flipped. */
  private static int key(float value) {
    int bits = Float.floatToIntBits(value);
    return bits ^ (bits >> 31 | Integer.MIN_VALUE);
  }
}
