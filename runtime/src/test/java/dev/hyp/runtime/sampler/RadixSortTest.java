package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RadixSortTest {
  @Test
  void sortsByTheFieldAndKeepsTiesInTheirOriginalOrder() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 17, 1000}) {
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        // few distinct positions, so there are many ties; the low 20 bits hold the original index
        long position = random.nextInt(n < 20 ? 3 : 50) * 0x1_0000_0001L;
        keys[i] = (position & 0xFFFF_FFFFL) << 20 | i;
      }
      long[] expected = keys.clone();
      // the index is the lowest field, so a plain sort gives the stable order
      Arrays.sort(expected);
      RadixSort.sort(keys, 20, 32);
      assertArrayEquals(expected, keys);
    }
  }
}
