package dev.hyp.runtime.data;

/**
 * The mean and the population standard deviation of every column of a matrix given a block of
 * rows at a time (while the rows are encoded), as ND4J's {@code NormalizerStandardize} fits them:
 * the mean and {@code sqrt(variance)} as floats, a deviation of 0 (a constant column) made 1 as ND4J
 * 1.0.0-M2.1's standardisation makes it (its floor of 1e-5 is computed but not kept). Sums are
 * in doubles, two passes per block and Chan's formula between blocks, so a column far from zero
 * (an amount around 10^6 that varies by 1) keeps its small deviation.
 */
public final class ColumnMoments {
  private final int width;
  private final double[] mean;
  private final double[] squares; // the sum of squared deviations from the mean
  private final double[] blockMean;
  private long count;

  public ColumnMoments(int width) {
    this.width = width;
    this.mean = new double[width];
    this.squares = new double[width];
    this.blockMean = new double[width];
  }

  /** Adds {@code rows} rows of {@code width} floats each, row after row, from {@code block[0]}. */
  public void add(float[] block, int rows) {
    if (rows == 0) {
      return;
    }
    java.util.Arrays.fill(blockMean, 0);
    for (int i = 0; i < rows; i++) {
      int at = i * width;
      for (int j = 0; j < width; j++) {
        blockMean[j] += block[at + j];
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

  /** How many rows were added. */
  public long count() {
    return count;
  }

  /** Each column's mean, as a float. */
  public float[] means() {
    float[] out = new float[width];
    for (int j = 0; j < width; j++) {
      out[j] = (float) mean[j];
    }
    return out;
  }

  /** Each column's population standard deviation as ND4J computes it from the float variance; 1 instead of 0. */
  public float[] deviations() {
    float[] out = new float[width];
    for (int j = 0; j < width; j++) {
      float variance = (float) (squares[j] / count);
      float std = (float) Math.sqrt(variance);
      out[j] = std == 0 ? 1f : std;
    }
    return out;
  }

  /**
   * Standardises {@code rows} rows of {@code block} in place: {@code (x - mean) / std}, two float
   * operations rounded as ND4J's subtraction and division of a row vector round them.
   */
  public static void standardize(float[] block, int rows, float[] mean, float[] std) {
    int width = mean.length;
    for (int i = 0; i < rows; i++) {
      int at = i * width;
      for (int j = 0; j < width; j++) {
        block[at + j] = (block[at + j] - mean[j]) / std[j];
      }
    }
  }
}
