package dev.hyp.runtime.dl4j.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J internals {@code dl4j.ConvolutionReuse} and {@code dl4j.ReusingConvolutionLayer} need
 * (memory copies outside the workspaces, shape views, one op), kept in this package with the rest of
 * hyp's reach into ND4J.
 */
public final class LayerArrays {
  private LayerArrays() {}

  /** Whether {@code a} is all of its buffer from its start, so that a copy of the buffer is a copy of {@code a}. */
  public static boolean fillsItsBuffer(INDArray a) {
    return a.offset() == 0 && a.data().length() == a.length() && !a.isEmpty();
  }

  /**
   * {@code from} (which {@link #fillsItsBuffer fills its buffer}) copied byte for byte into {@code into}
   * when that has exactly its layout (shape, strides, order, type), else into a new detached array of it.
   */
  public static INDArray exactCopy(INDArray into, INDArray from) {
    if (into == null || !Arrays.equals(into.shapeInfoJava(), from.shapeInfoJava())) {
      try (MemoryWorkspace none = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
        INDArray buffer = Nd4j.createUninitializedDetached(from.dataType(), from.length());
        into = Nd4j.createArrayFromShapeBuffer(buffer.data(), from.shapeInfoDataBuffer());
      }
    }
    Nd4j.getMemoryManager().memcpy(into.data(), from.data());
    return into;
  }

  /** ND4J's {@code Shape.newShapeNoCopy}: {@code a} seen in {@code shape}, or null when that needs a copy. */
  public static INDArray reshapeNoCopy(INDArray a, long[] shape, boolean fOrder) {
    return Shape.newShapeNoCopy(a, shape, fOrder);
  }

  /** ReLU's backward op ({@code relu_bp}, threshold 0): {@code z > 0 ? epsilon : 0}, written into {@code z}. */
  public static void reluBackwardInPlace(INDArray z, INDArray epsilon) {
    Nd4j.getExecutioner().exec(new RectifiedLinearDerivative(z, epsilon, z, 0.0));
  }

  /**
   * libnd4j's {@code conv2d} op: {@code conv(input, weights) + bias} into {@code z}; bias null for none;
   * {@code arguments} its integer arguments ({@code dl4j.OpConvolution}).
   */
  public static void conv2d(INDArray input, INDArray weights, INDArray bias, int[] arguments, INDArray z) {
    DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d");
    if (bias != null) {
      op.addInputs(input, weights, bias.reshape(bias.length()));
    } else {
      op.addInputs(input, weights);
    }
    Nd4j.exec(op.addOutputs(z).addIntegerArguments(arguments).build());
  }

  /** libnd4j's {@code conv2d_bp} op: the gradients from {@code delta} into the three (two without bias) arrays given. */
  public static void conv2dBackward(INDArray input, INDArray weights, INDArray bias, INDArray delta, int[] arguments,
      INDArray inputGradient, INDArray weightGradient, INDArray biasGradient) {
    DynamicCustomOp.DynamicCustomOpsBuilder op = DynamicCustomOp.builder("conv2d_bp");
    if (bias != null) {
      op.addInputs(input, weights, bias.reshape(bias.length()), delta)
          .addOutputs(inputGradient, weightGradient, biasGradient.reshape(biasGradient.length()));
    } else {
      op.addInputs(input, weights, delta).addOutputs(inputGradient, weightGradient);
    }
    Nd4j.exec(op.addIntegerArguments(arguments).build());
  }
}
