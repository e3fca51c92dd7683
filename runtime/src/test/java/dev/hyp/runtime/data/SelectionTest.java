package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Selection finds exactly what sorting puts at an index: random, sorted, constant and signed-zero columns. */
class SelectionTest {
  @Test
  void sameAsSorting() {
    Random random = new Random(9);
    for (int round = 0; round < 400; round++) {
      int n = 1 + random.nextInt(round < 300 ? 50 : 5000);
      float[] values = new float[n];
      int kind = round % 5;
      for (int i = 0; i < n; i++) {
        values[i] = switch (kind) {
          case 0 -> (float) random.nextGaussian();
          case 1 -> random.nextInt(3);
          case 2 -> i;
          case 3 -> random.nextBoolean() ? -0.0f : 0.0f;
          default -> n - i + random.nextInt(2);
        };
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = random.nextInt(n);
      float[] work = values.clone();
      assertEquals(Float.floatToRawIntBits(sorted[k]), Float.floatToRawIntBits(Selection.select(work, n, k)),
          "round " + round);
      for (int i = 0; i < n; i++) {
        assertEquals(true, i < k ? Float.compare(work[i], work[k]) <= 0 : Float.compare(work[i], work[k]) >= 0);
      }
    }
  }
}
