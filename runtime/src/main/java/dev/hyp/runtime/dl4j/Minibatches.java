package dev.hyp.runtime.dl4j;

import java.nio.FloatBuffer;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An epoch's shuffled minibatches, cut from a fold's shared training arrays: each batch's rows are
 * copied from the fold's native memory straight into one reused batch array (one more for a last,
 * shorter batch), so training holds no copy of the training rows (it held two per epoch: a
 * {@code dup} and a Java array) and makes no garbage per step. The rows and their order are exactly
 * those of {@code INDArray.getRows} for the same permutation. Arrays that are not 2-D contiguous
 * floats (none that {@link ExperimentData} makes) fall back to {@code getRows}.
 *
 * <p>One per network and epoch; not thread-safe (the batch arrays are reused).
 */
final class Minibatches {
  private final INDArray x;
  private final INDArray y;
  private final Batches features;
  private final Batches labels;
  private final int n;
  private final int batch;

  Minibatches(DataSet train, int batch) {
    this.x = train.getFeatures();
    this.y = train.getLabels();
    this.n = (int) x.size(0);
    this.batch = batch;
    this.features = Batches.of(x);
    this.labels = Batches.of(y);
  }

  int rows() {
    return n;
  }

  /** The epoch's order of the rows: a Fisher-Yates shuffle drawn from {@code random}. */
  int[] order(Random random) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /**
   * The minibatch of rows {@code order[from, from + batch)} (fewer at the end). Its arrays are
   * overwritten by the next call: train on it before asking for the next.
   */
  DataSet batch(int[] order, int from) {
    int size = Math.min(batch, n - from);
    if (features == null || labels == null) {
      int[] rows = java.util.Arrays.copyOfRange(order, from, from + size);
      return new DataSet(features == null ? x.getRows(rows) : features.pick(order, from, size, batch),
          labels == null ? y.getRows(rows) : labels.pick(order, from, size, batch));
    }
    return new DataSet(features.pick(order, from, size, batch), labels.pick(order, from, size, batch));
  }

  /** A 2-D float array's rows read from its native memory into reused batch arrays. */
  private static final class Batches {
    private final FloatBuffer values;
    private final int width;
    private INDArray full;
    private INDArray last;

    private Batches(FloatBuffer values, int width) {
      this.values = values;
      this.width = width;
    }

    /** For {@code a}, or null when it is not a 2-D contiguous float array in row order. */
    static Batches of(INDArray a) {
      if (a.rank() != 2 || a.dataType() != DataType.FLOAT || a.ordering() != 'c' || a.isView() || a.offset() != 0
          || a.length() != a.data().length() || a.length() > Integer.MAX_VALUE) {
        return null;
      }
      return new Batches(a.data().asNioFloat(), (int) a.size(1));
    }

    INDArray pick(int[] order, int from, int size, int batch) {
      INDArray out;
      if (size == batch) {
        full = full != null ? full : Nd4j.createUninitialized(DataType.FLOAT, batch, width);
        out = full;
      } else {
        last = last != null && last.size(0) == size ? last : Nd4j.createUninitialized(DataType.FLOAT, size, width);
        out = last;
      }
      FloatBuffer target = out.data().asNioFloat();
      for (int i = 0; i < size; i++) {
        target.put(i * width, values, order[from + i] * width, width);
      }
      return out;
    }
  }
}
