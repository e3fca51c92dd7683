package dev.hyp.runtime.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** What the layer tests that compare hyp's layers with DL4J's share: seeded image batches and float bits. */
final class LayerTestData {
  private LayerTestData() {}

  /** The small two-channel image the convolution tests train on. */
  static final InputShape IMAGE = InputShape.image(9, 9, 2);

  /**
   * {@code rows} random {@link #IMAGE}s in [-2, 2) with one of 3 classes each, the same for the same seed but 0
   * (ND4J's generator takes seed 0 as a seed of its own choosing).
   */
  static DataSet imageBatch(int seed, int rows) {
    Nd4j.getRandom().setSeed(seed);
    INDArray x = Nd4j.rand(DataType.FLOAT, rows, IMAGE.features()).subi(0.5).muli(4);
    INDArray y = Nd4j.zeros(DataType.FLOAT, rows, 3);
    for (int i = 0; i < rows; i++) {
      y.putScalar(i, (i * 7 + seed) % 3, 1f);
    }
    return new DataSet(x, y);
  }

  /** Every float of {@code a} in c order as its raw bits, for comparisons to the bit. */
  static int[] bits(INDArray a) {
    float[] values = a.dup('c').data().asFloat();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
