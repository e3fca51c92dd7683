package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;

/**
 * ND4J's {@code sum} along dimension 0 of a dense c-order float matrix, in Java: a layer's bias gradient
 * ({@code delta.sum(biasGrad, 0)} in DL4J's dense and output layers, once per layer and step). libnd4j's
 * generic build walks each column down its rows, one float at a time, with the column's stride between them;
 * here the rows are read in order and added into one heap array of column sums, which C2 vectorises across
 * the columns.
 *
 * <p>Each column's sum is libnd4j's: a float accumulator from 0 with the rows added in order, top to bottom
 * (its reduce loop over one column's elements); only the order in which the columns are computed changes,
 * and they are independent. {@code ColumnSumsTest} holds it to libnd4j's bits.
 *
 * <p>Only that case is taken: a {@link Sum} over dimension 0 of a float matrix with c order's strides and no
 * gaps (at least 2 x 2), into a given dense float result of one value per column that does not overlap it.
 * Anything else is left to libnd4j. {@link PooledContextExecutioner} asks it first for reductions, unless
 * {@code -Dhyp.nd4j.libnd4jColumnSums=true} ({@link Nd4jPatches.Patch#COLUMN_SUMS}).
 */
final class ColumnSums {
  private ColumnSums() {}

  /** Rows read from native memory per chunk: the chunk and the sums stay in the first-level cache. */
  private static final int CHUNK_FLOATS = 4096;

  /** Heap arrays reused by each thread: the column sums, and a chunk of rows. */
  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

  /** The sums {@code op} asks for when it is the column-sum case; null when libnd4j must run it. */
  static Runnable of(ReduceOp op) {
    if (op.getClass() != Sum.class || op.y() != null || op.x() == null || op.z() == null || op.x() == op.z()) {
      return null;
    }
    INDArray x = op.x();
    INDArray z = op.z();
    INDArray dimensions = op.dimensions();
    if (dimensions == null || dimensions.length() != 1 || dimensions.getInt(0) != 0) {
      return null;
    }
    if (x.rank() != 2 || x.dataType() != DataType.FLOAT || z.dataType() != DataType.FLOAT) {
      return null;
    }
    long rows = x.size(0);
    long cols = x.size(1);
    if (rows < 2 || cols < 2 || x.stride(0) != cols || x.stride(1) != 1 || rows * cols > Integer.MAX_VALUE
        || z.length() != cols || !(z.rank() == 1 || z.rank() == 2 && z.size(0) == 1)) {
      return null;
    }
    FloatMemory in = FloatMemory.of(x);
    FloatMemory out = FloatMemory.of(z);
    if (in == null || out == null || !in.dense() || !out.dense()) {
      return null;
    }
    if (in.address() < out.address() + 4 * cols && out.address() < in.address() + 4 * rows * cols) {
      return null; // overlapping memory: declined, libnd4j's own op runs it
    }
    return () -> sum(in.data(), out.data(), (int) rows, (int) cols);
  }

  private static void sum(FloatBuffer in, FloatBuffer out, int rows, int cols) {
    int rowsPerChunk = Math.max(1, CHUNK_FLOATS / cols);
    float[][] scratch = SCRATCH.get();
    if (scratch[0].length < cols || scratch[1].length < rowsPerChunk * cols) {
      scratch[0] = new float[cols];
      scratch[1] = new float[rowsPerChunk * cols];
    }
    float[] sums = scratch[0];
    float[] chunk = scratch[1];
    java.util.Arrays.fill(sums, 0, cols, 0f); // libnd4j's starting value for a sum
    for (int from = 0; from < rows; from += rowsPerChunk) {
      int n = Math.min(rowsPerChunk, rows - from);
      in.get(from * cols, chunk, 0, n * cols);
      addRows(chunk, n, cols, sums);
    }
    out.put(0, sums, 0, cols);
  }

  /** Adds {@code n} rows of {@code cols} floats to {@code sums}, each column top to bottom (libnd4j's order). */
  static void addRows(float[] chunk, int n, int cols, float[] sums) {
    for (int r = 0; r < n; r++) {
      int row = r * cols;
      for (int c = 0; c < cols; c++) {
        sums[c] = chunk[row + c] + sums[c]; // libnd4j's update: opOutput + old
      }
    }
  }
}
