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
  private final double[] blockSquares;
  private long count;

  public ColumnMoments(int width) {
    this.width = width;
    this.mean = new double[width];
    this.squares = new double[width];
    this.blockMean = new double[width];
    this.blockSquares = new double[width];
  }

  /** Adds {@code rows} rows of {@code width} floats each, row after row, from {@code block[0]}. */
  public void add(float[] block, int rows) {
    if (rows == 0) {
      return;
    }
    sum(blockMean, blockSquares, block, rows, width);
    merge(blockMean, blockSquares, rows);
  }

  /**
   * One block's own moments, which {@link #add(Block)} then joins: blocks may be summed on any
   * thread, and joined in their order give exactly what {@link #add(float[], int)} gives.
   */
  public record Block(double[] mean, double[] squares, int rows) {}

  /** The moments of {@code rows} rows of {@code width} floats each, from {@code block[0]}. */
  public static Block of(float[] block, int rows, int width) {
    Block moments = new Block(new double[width], new double[width], rows);
    if (rows > 0) {
      sum(moments.mean(), moments.squares(), block, rows, width);
    }
    return moments;
  }

  /** Joins a block's moments after those added so far (in the rows' order, for the same result). */
  public void add(Block block) {
    if (block.rows() > 0) {
      merge(block.mean(), block.squares(), block.rows());
    }
  }

  /** A block's column means and sums of squared deviations from them, into {@code mean} and {@code squares}. */
  private static void sum(double[] mean, double[] squares, float[] block, int rows, int width) {
    java.util.Arrays.fill(mean, 0);
    for (int i = 0; i < rows; i++) {
      int at = i * width;
      for (int j = 0; j < width; j++) {
        mean[j] += block[at + j];
      }
    }
    for (int j = 0; j < width; j++) {
      mean[j] /= rows;
    }
    java.util.Arrays.fill(squares, 0);
    for (int i = 0; i < rows; i++) { // row by row, but each column's sum in the same order as column by column
      int at = i * width;
      for (int j = 0; j < width; j++) {
        double d = block[at + j] - mean[j];
        squares[j] += d * d;
      }
    }
  }

  /** Chan's formula: the block's moments joined to the ones so far. */
  private void merge(double[] blockMean, double[] blockSquares, int rows) {
    long total = count + rows;
    for (int j = 0; j < width; j++) {
      double delta = blockMean[j] - mean[j];
      squares[j] += blockSquares[j] + delta * delta * ((double) count * rows / total);
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
