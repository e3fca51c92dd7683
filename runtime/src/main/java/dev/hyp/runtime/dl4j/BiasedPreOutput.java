package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.BiasedTranspose;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense or output layer's pre-activation {@code z = x W + b} with the bias added while the product is copied
 * into {@code z}. DL4J 1.0.0-M2.1's {@code BaseLayer.preOutputWithPreNorm} asks {@code mmuli} for a c-order
 * {@code z}, which computes the product into an f-order temporary and {@code assign}s it, and then adds the bias
 * with a broadcast op: two passes over {@code z} and two ND4J ops after the product. Here the same product goes
 * into the same kind of temporary (the same {@code mmuli}, so the same BLAS call) and {@link BiasedTranspose}
 * writes {@code product + b} into {@code z} in one pass: the same float additions, so the same bits.
 *
 * <p>Used by {@link ReusingDenseLayer} and {@link ReusingOutputLayer} for float layers with a bias and an input of
 * rank 2 whose product is a matrix product (two rows and two units at least); anything else takes DL4J's code.
 * Off with {@code -Dhyp.dl4j.separateBiasAdd=true}.
 */
final class BiasedPreOutput {
  /** The switch: {@code true} keeps DL4J's copy and separate bias add. */
  static final String SWITCH = "hyp.dl4j.separateBiasAdd";

  private static final boolean ENABLED = !Boolean.getBoolean(SWITCH);

  private BiasedPreOutput() {}

  /**
   * Whether a layer of {@code dataType}, with a bias or not, computes its pre-activation here for {@code input}
   * and weights {@code W}: checked before DL4J's dropout is applied, which changes neither shape nor type.
   */
  static boolean applies(boolean hasBias, DataType dataType, INDArray input, INDArray W) {
    return ENABLED && hasBias && dataType == DataType.FLOAT && input != null && input.rank() == 2
        && input.dataType() == DataType.FLOAT && W != null && W.rank() == 2 && W.dataType() == DataType.FLOAT
        && input.size(1) == W.size(0) && input.size(0) >= 2 && W.size(1) >= 2;
  }

  /**
   * {@code input W + b} into a new c-order array of the activations workspace, as DL4J's {@code preOutput}
   * computes it (before any mask).
   */
  static INDArray of(INDArray input, INDArray W, INDArray b, LayerWorkspaceMgr workspaceMgr) {
    long rows = input.size(0);
    long cols = W.size(1);
    INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, W.dataType(), rows, cols);
    // mmuli's own temporary for a c-order result: f order, in the workspace in scope
    INDArray product = Nd4j.createUninitialized(W.dataType(), new long[] {rows, cols}, 'f');
    input.mmuli(W, product);
    if (!BiasedTranspose.add(product, b, z)) {
      z.assign(product); // DL4J's two ops
      z.addiRowVector(b);
    }
    return z;
  }
}
