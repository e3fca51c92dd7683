package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.SoftmaxCrossEntropy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The output layer's score in a training step ({@link ReusingOutputLayer#computeScore}) for softmax with
 * {@code LossMCXENT}, in one pass in Java ({@link SoftmaxCrossEntropy}) instead of DL4J's eight ND4J ops after the
 * backward pass. DL4J computes that score after every step; hyp reads it only to stop a trial whose loss is no
 * longer finite ({@code Trainer}), and no parameter depends on it, so the trained network is the same bits. The
 * value is within float rounding of DL4J's (its float softmax and {@code logf} against doubles here), and it is
 * finite exactly when DL4J's is (NaN from a NaN or infinite pre-activation or label; the clipping keeps every
 * log finite otherwise). Off with {@code -Dhyp.dl4j.libnd4jTrainingScore=true}.
 */
final class TrainingScore {
  /** The switch: {@code true} keeps DL4J's ops for the training score. */
  static final String SWITCH = "hyp.dl4j.libnd4jTrainingScore";

  private static final boolean ENABLED = !Boolean.getBoolean(SWITCH);

  /** {@code BaseOutputLayer.fullNetRegTerm}, private, which DL4J's {@code computeScore} sets. */
  private static final VarHandle REGULARIZATION;

  static {
    try {
      REGULARIZATION = MethodHandles.privateLookupIn(BaseOutputLayer.class, MethodHandles.lookup())
          .findVarHandle(BaseOutputLayer.class, "fullNetRegTerm", double.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TrainingScore() {}

  /** Whether the score of this loss and activation, without a mask, is computed here. */
  static boolean applies(ILossFunction loss, IActivation activation, INDArray mask) {
    return ENABLED && mask == null && loss != null && loss.getClass() == LossMCXENT.class
        && ((LossMCXENT) loss).getWeights() == null && ((LossMCXENT) loss).getSoftmaxClipEps() > 0
        && activation != null && activation.getClass() == ActivationSoftmax.class;
  }

  /** As DL4J's {@code computeScore} leaves it: the regularization term it was given. */
  static void setRegularization(BaseOutputLayer<?> layer, double fullNetRegTerm) {
    REGULARIZATION.set(layer, fullNetRegTerm);
  }

  /**
   * {@code loss.computeScore(labels, z, activation, null, false)} for a loss and activation {@link #applies}
   * accepts: here when the arrays are float matrices of one shape, else DL4J's.
   */
  static double of(ILossFunction loss, IActivation activation, INDArray labels, INDArray z) {
    if (!SoftmaxCrossEntropy.takes(labels, z)) {
      return loss.computeScore(labels, z, activation, null, false);
    }
    return -SoftmaxCrossEntropy.sum(labels, z, ((LossMCXENT) loss).getSoftmaxClipEps());
  }
}
