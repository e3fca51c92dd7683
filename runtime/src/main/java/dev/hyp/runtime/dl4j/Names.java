package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.WeightInit;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The one place that maps the language's vocabulary ({@code dev.hyp.runtime.vocab}) to the
 * Deeplearning4j values it stands for. The switches are exhaustive: a constant added to the
 * vocabulary does not compile until it is mapped here.
 */
final class Names {
  private Names() {}

  static org.nd4j.linalg.activations.Activation activation(Activation activation) {
    return switch (activation) {
      case RELU -> org.nd4j.linalg.activations.Activation.RELU;
      case RELU6 -> org.nd4j.linalg.activations.Activation.RELU6;
      case LEAKYRELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
      case ELU -> org.nd4j.linalg.activations.Activation.ELU;
      case SELU -> org.nd4j.linalg.activations.Activation.SELU;
      case GELU -> org.nd4j.linalg.activations.Activation.GELU;
      case SWISH -> org.nd4j.linalg.activations.Activation.SWISH;
      case MISH -> org.nd4j.linalg.activations.Activation.MISH;
      case TANH -> org.nd4j.linalg.activations.Activation.TANH;
      case HARDTANH -> org.nd4j.linalg.activations.Activation.HARDTANH;
      case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
      case HARDSIGMOID -> org.nd4j.linalg.activations.Activation.HARDSIGMOID;
      case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
      case SOFTPLUS -> org.nd4j.linalg.activations.Activation.SOFTPLUS;
      case SOFTSIGN -> org.nd4j.linalg.activations.Activation.SOFTSIGN;
      case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
      case CUBE -> org.nd4j.linalg.activations.Activation.CUBE;
      case RATIONALTANH -> org.nd4j.linalg.activations.Activation.RATIONALTANH;
      case RECTIFIEDTANH -> org.nd4j.linalg.activations.Activation.RECTIFIEDTANH;
    };
  }

  static LossFunction loss(Loss loss) {
    return switch (loss) {
      case MCXENT -> LossFunction.MCXENT;
      case XENT -> LossFunction.XENT;
      case NEGATIVELOGLIKELIHOOD -> LossFunction.NEGATIVELOGLIKELIHOOD;
      case HINGE -> LossFunction.HINGE;
      case SQUAREDHINGE -> LossFunction.SQUARED_HINGE;
      case KLDIVERGENCE -> LossFunction.KL_DIVERGENCE;
      case MSE -> LossFunction.MSE;
      case MAE -> LossFunction.MEAN_ABSOLUTE_ERROR;
      case MSLE -> LossFunction.MEAN_SQUARED_LOGARITHMIC_ERROR;
      case MAPE -> LossFunction.MEAN_ABSOLUTE_PERCENTAGE_ERROR;
      case POISSON -> LossFunction.POISSON;
      case COSINEPROXIMITY -> LossFunction.COSINE_PROXIMITY;
    };
  }

  /** The loss with a weight per class (output): {@link Loss#weighable()} losses only. */
  static org.nd4j.linalg.lossfunctions.ILossFunction weightedLoss(Loss loss, double[] weights) {
    org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.create(weights, new long[] {1, weights.length},
        org.nd4j.linalg.api.buffer.DataType.FLOAT);
    return switch (loss) {
      case MCXENT -> new org.nd4j.linalg.lossfunctions.impl.LossMCXENT(w);
      case XENT -> new org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT(w);
      case NEGATIVELOGLIKELIHOOD -> new org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood(w);
      default -> throw new IllegalArgumentException("`class_weights` needs mcxent, xent or negativeloglikelihood, not `"
          + loss.hypName() + "`");
    };
  }

  static org.deeplearning4j.nn.weights.WeightInit weightInit(WeightInit init) {
    return switch (init) {
      case XAVIER -> org.deeplearning4j.nn.weights.WeightInit.XAVIER;
      case XAVIER_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM;
      case XAVIER_FAN_IN -> org.deeplearning4j.nn.weights.WeightInit.XAVIER_FAN_IN;
      case RELU -> org.deeplearning4j.nn.weights.WeightInit.RELU;
      case RELU_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM;
      case LECUN_NORMAL -> org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL;
      case LECUN_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.LECUN_UNIFORM;
      case NORMAL -> org.deeplearning4j.nn.weights.WeightInit.NORMAL;
      case UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.UNIFORM;
      case ZERO -> org.deeplearning4j.nn.weights.WeightInit.ZERO;
      case ONES -> org.deeplearning4j.nn.weights.WeightInit.ONES;
      case SIGMOID_UNIFORM -> org.deeplearning4j.nn.weights.WeightInit.SIGMOID_UNIFORM;
    };
  }

  static ConvolutionMode convolutionMode(Padding padding) {
    return switch (padding) {
      case SAME -> ConvolutionMode.Same;
      case VALID -> ConvolutionMode.Truncate;
    };
  }
}
