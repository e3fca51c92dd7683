package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Selection finds exactly what sorting puts at an index, and leaves the values as they are: random, sorted,
 * constant, signed-zero and extreme columns, every index of the small ones.
 */
class SelectionTest {
  private static final float[] EXTREMES = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE, -0.0f,
      0.0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN};

  @Test
  void sameAsSorting() {
    Random random = new Random(9);
    for (int round = 0; round < 700; round++) {
      int n = 1 + random.nextInt(round < 400 ? 50 : round < 690 ? 5000 : 300_000);
      float[] values = new float[n];
      int kind = round % 7;
      for (int i = 0; i < n; i++) {
        values[i] = switch (kind) {
          case 0 -> (float) random.nextGaussian();
          case 1 -> random.nextInt(3);
          case 2 -> i;
          case 3 -> random.nextBoolean() ? -0.0f : 0.0f;
          case 4 -> EXTREMES[random.nextInt(EXTREMES.length)];
          case 5 -> (float) (random.nextGaussian() * 1e-3) - 7; // one upper bucket: the lower count decides
          default -> n - i + random.nextInt(2);
        };
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      float[] before = values.clone();
      int from = n <= 50 ? 0 : random.nextInt(n);
      for (int k = from; k < (n <= 50 ? n : from + 1); k++) {
        assertEquals(Float.floatToIntBits(sorted[k]), Float.floatToIntBits(Selection.smallest(values, n, k)),
            "round " + round + ", k " + k);
      }
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
      assertEquals(Double.doubleToLongBits(median), Double.doubleToLongBits(Selection.median(values, n)),
          "round " + round);
      assertArrayEquals(before, values, "the values are left as they are");
    }
  }

  @Test
  void onlyTheFirstNCount() {
    float[] values = {5, 1, 4, -100, -200};
    assertEquals(4f, Selection.smallest(values, 3, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Selection.smallest(values, 3, 3));
  }
}
