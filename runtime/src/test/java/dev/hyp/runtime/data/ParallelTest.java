package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * Tasks shared by threads run once each, whatever the number of threads; a failure comes back as
 * the very exception thrown (its message is the user's); blocks' moments joined in order are the
 * moments added block after block, to the bit.
 */
class ParallelTest {
  @Test
  void runsEveryTaskOnce() {
    for (int threads : new int[] {1, 2, 3, 8}) {
      for (int count : new int[] {0, 1, 2, 7, 1000}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        Parallel.forEach(count, threads, () -> runs::incrementAndGet);
        for (int i = 0; i < count; i++) {
          assertEquals(1, runs.get(i), threads + " threads, " + count + " tasks: task " + i);
        }
      }
    }
  }

  @Test
  void rethrowsTheFailureAsItWas() {
    DataException thrown = new DataException(java.nio.file.Path.of("t.csv"), 7, "a", "`x` is not a number");
    for (int threads : new int[] {1, 2, 4}) {
      RuntimeException caught = assertThrows(RuntimeException.class, () -> Parallel.forEach(50, threads, () -> i -> {
        if (i == 31) {
          throw thrown;
        }
      }));
      assertSame(thrown, caught);
    }
  }

  @Test
  void smallTablesStayOnOneThread() {
    assertEquals(1, Parallel.threadsFor(Parallel.FROM_ROWS - 1));
    assertEquals(Math.min(8, Runtime.getRuntime().availableProcessors()), Parallel.threadsFor(Parallel.FROM_ROWS));
  }

  @Test
  void blockMomentsJoinedInOrderAreTheMomentsAddedInOrder() {
    Random random = new Random(5);
    int width = 13;
    for (int trial = 0; trial < 20; trial++) {
      ColumnMoments added = new ColumnMoments(width);
      ColumnMoments joined = new ColumnMoments(width);
      ColumnMoments.Block[] blocks = new ColumnMoments.Block[1 + random.nextInt(9)];
      float[][] data = new float[blocks.length][];
      for (int b = 0; b < blocks.length; b++) {
        int rows = random.nextInt(300);
        data[b] = new float[rows * width];
        for (int i = 0; i < data[b].length; i++) {
          int column = i % width;
          data[b][i] = column == 0 ? 1_000_000f + random.nextInt(3) : column == 1 ? random.nextInt(2)
              : (float) (random.nextGaussian() * column);
        }
      }
      for (int b = blocks.length - 1; b >= 0; b--) { // in any order, as threads would
        blocks[b] = ColumnMoments.of(data[b], data[b].length / width, width);
      }
      ColumnByColumn reference = new ColumnByColumn(width);
      for (int b = 0; b < blocks.length; b++) {
        added.add(data[b], data[b].length / width);
        joined.add(blocks[b]);
        reference.add(data[b], data[b].length / width);
      }
      assertEquals(added.count(), joined.count());
      assertArrayEquals(reference.means(), added.means());
      assertArrayEquals(reference.deviations(), added.deviations());
      assertArrayEquals(reference.means(), joined.means());
      assertArrayEquals(reference.deviations(), joined.deviations());
    }
  }

  /** The sums as ColumnMoments made them before (column by column within a block): the bits to keep. */
  private static final class ColumnByColumn {
    final int width;
    final double[] mean;
    final double[] squares;
    long count;

    ColumnByColumn(int width) {
      this.width = width;
      this.mean = new double[width];
      this.squares = new double[width];
    }

    void add(float[] block, int rows) {
      if (rows == 0) {
        return;
      }
      double[] blockMean = new double[width];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < width; j++) {
          blockMean[j] += block[i * width + j];
        }
      }
      for (int j = 0; j < width; j++) {
        blockMean[j] /= rows;
      }
      long total = count + rows;
      for (int j = 0; j < width; j++) {
        double m = blockMean[j];
        double s = 0;
        for (int i = 0; i < rows; i++) {
          double d = block[i * width + j] - m;
          s += d * d;
        }
        double delta = m - mean[j];
        squares[j] += s + delta * delta * ((double) count * rows / total);
        mean[j] += delta * rows / total;
      }
      count = total;
    }

    float[] means() {
      float[] out = new float[width];
      for (int j = 0; j < width; j++) {
        out[j] = (float) mean[j];
      }
      return out;
    }

    float[] deviations() {
      float[] out = new float[width];
      for (int j = 0; j < width; j++) {
        float std = (float) Math.sqrt((float) (squares[j] / count));
        out[j] = std == 0 ? 1f : std;
      }
      return out;
    }
  }
}
