package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.ColumnMoments;
import dev.hyp.runtime.data.Parallel;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.TableEncoding;
import java.nio.FloatBuffer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A prepared table's fold standardised while it is encoded, instead of ND4J's {@code
 * NormalizerStandardize} fitted and applied over the whole fold afterwards: the training rows'
 * column means and deviations are summed in the pass that encodes them block by block into the
 * native array, which one more pass then standardises in place; validation and test rows are
 * standardised in their block before they are copied. The normalizer it gives holds those
 * statistics (the embedded categories' indices at mean 0 and deviation 1), so a saved model
 * standardises a prediction's rows as the trial's were.
 */
final class StandardizedFeatures {
  private final TableEncoding encoding;
  private float[] mean;
  private float[] std;

  StandardizedFeatures(TableEncoding encoding) {
    this.encoding = encoding;
  }

  /** Encodes {@code rows} of {@code raw} (the training rows), fits the statistics on them and standardises them. */
  INDArray fit(RawTable raw, int[] rows) {
    int width = encoding.width();
    ColumnMoments.Block[] blocks = new ColumnMoments.Block[blocks(rows.length)];
    INDArray features = write(raw, rows, blocks);
    ColumnMoments moments = new ColumnMoments(width);
    for (ColumnMoments.Block block : blocks) { // joined in the rows' order: the same sums on any number of threads
      moments.add(block);
    }
    mean = moments.means();
    std = moments.deviations();
    for (TableEncoding.Embedded embedded : encoding.embeddings()) { // an index names a row of a table
      mean[embedded.feature()] = 0f;
      std[embedded.feature()] = 1f;
    }
    FloatBuffer data = features.data().asNioFloat();
    int blockFloats = Math.min(rows.length, TableEncoding.BLOCK_ROWS) * width;
    Parallel.forEach(blocks.length, Parallel.threadsFor(rows.length), () -> {
      float[] block = new float[blockFloats];
      FloatBuffer own = data.duplicate();
      return b -> {
        int from = b * TableEncoding.BLOCK_ROWS;
        int n = Math.min(rows.length, from + TableEncoding.BLOCK_ROWS) - from;
        own.get(from * width, block, 0, n * width);
        ColumnMoments.standardize(block, n, mean, std);
        own.put(from * width, block, 0, n * width);
      };
    });
    return features;
  }

  /** Encodes {@code rows} of {@code raw} standardised by the statistics {@link #fit} found. */
  INDArray transform(RawTable raw, int[] rows) {
    if (mean == null) {
      throw new IllegalStateException("fit first");
    }
    return write(raw, rows, null);
  }

  /** The fitted statistics as ND4J's normalizer (feature statistics only, as its {@code fit} makes them). */
  NormalizerStandardize normalizer() {
    long[] shape = {1, mean.length}; // as ND4J's fit leaves them
    return new NormalizerStandardize(Nd4j.create(mean.clone(), shape, 'c'), Nd4j.create(std.clone(), shape, 'c'));
  }

  private static int blocks(int rows) {
    return (rows + TableEncoding.BLOCK_ROWS - 1) / TableEncoding.BLOCK_ROWS;
  }

  /**
   * [rows, width] floats, a block of {@link TableEncoding#BLOCK_ROWS} rows at a time, the blocks
   * shared by the cores: each block's moments kept in {@code moments} when given, else each block
   * standardised. The first block is encoded before the others start, so a column that cannot be
   * encoded fails on the caller's thread with its message, as it did block after block.
   */
  private INDArray write(RawTable raw, int[] rows, ColumnMoments.Block[] moments) {
    int width = encoding.width();
    if (rows.length == 0) {
      encoding.encode(raw, rows, 0, 0, new float[0]); // a column that cannot be encoded fails even without rows
      return Nd4j.create(new float[0], new long[] {0, width}, 'c');
    }
    INDArray features = Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows.length, width}, 'c');
    FloatBuffer into = features.data().asNioFloat();
    int blockFloats = Math.min(rows.length, TableEncoding.BLOCK_ROWS) * width;
    Supplier<IntConsumer> worker = () -> {
      float[] block = new float[blockFloats];
      FloatBuffer own = into.duplicate();
      return b -> {
        int from = b * TableEncoding.BLOCK_ROWS;
        int to = Math.min(rows.length, from + TableEncoding.BLOCK_ROWS);
        encoding.encode(raw, rows, from, to, block);
        if (moments != null) {
          moments[b] = ColumnMoments.of(block, to - from, width);
        } else {
          ColumnMoments.standardize(block, to - from, mean, std);
        }
        own.put(from * width, block, 0, (to - from) * width);
      };
    };
    worker.get().accept(0);
    int count = blocks(rows.length);
    Parallel.forEach(count - 1, Parallel.threadsFor(rows.length), () -> {
      IntConsumer task = worker.get();
      return b -> task.accept(b + 1);
    });
    return features;
  }
}
