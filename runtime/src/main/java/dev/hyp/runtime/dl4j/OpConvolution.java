package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.LayerArrays;
import dev.hyp.runtime.dl4j.nd4j.NativeBuild;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer's pre-activation and its gradients as libnd4j's {@code conv2d} and
 * {@code conv2d_bp} ops, which ND4J's oneDNN build runs through oneDNN: for the 28x28 CNN's layers
 * 3-5x cheaper per step than DL4J's im2col and matrix products, even with hyp's Java im2col
 * (docs/performance.md, "ND4J's native builds"). Not the same bits as DL4J's path (oneDNN sums in
 * its own order): within float rounding of it, and the same bits run after run. Used only where
 * libnd4j has oneDNN inside (elsewhere the op is libnd4j's own im2col, slower than hyp's) and only
 * for the layers {@link ReusingConvolutionLayer} replaces, in float, same or truncate mode. Off with
 * {@code -D}{@value #SWITCH}{@code =true}: DL4J's im2col path, as on the generic build.
 */
final class OpConvolution {
  private OpConvolution() {}

  /** The switch: {@code true} keeps the im2col path on the oneDNN build too. */
  static final String SWITCH = "hyp.dl4j.im2colConvolution";

  /**
   * The switch for the first layer's weight and bias gradient ({@code ReusingConvolutionLayer.dropInputGradient})
   * on this path: {@code true} keeps the im2col columns and one product; otherwise {@code
   * nd4j.DirectWeightGradient} (stride 1, no dilation), within float rounding of them.
   */
  static final String IM2COL_WEIGHT_GRADIENT_SWITCH = "hyp.dl4j.im2colWeightGradient";

  /** Whether the first layer's weight gradient on this path is {@code nd4j.DirectWeightGradient}'s (its switch not set). */
  static boolean directWeightGradient() {
    return !Boolean.getBoolean(IM2COL_WEIGHT_GRADIENT_SWITCH);
  }

  /** Whether {@code layer} (already on hyp's path) computes through the ops. */
  static boolean applies(ConvolutionLayer layer) {
    ConvolutionMode mode = layer.layerConf().getConvolutionMode();
    return !Boolean.getBoolean(SWITCH) && layer.getParam("W").dataType() == DataType.FLOAT
        && (mode == ConvolutionMode.Same || mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Strict)
        && NativeBuild.hasOneDnn();
  }

  /**
   * The ops' integer arguments for {@code layer} on {@code input}: kernel, stride, padding, dilation,
   * same mode, channels first, weights as DL4J holds them ({@code [out, in, kH, kW]}). Strict mode
   * fails here as DL4J's own layer does.
   */
  static int[] arguments(ConvolutionLayer layer, INDArray input) {
    org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf = layer.layerConf();
    int[] kernel = conf.getKernelSize();
    int[] strides = conf.getStride();
    int[] dilation = conf.getDilation();
    boolean same = conf.getConvolutionMode() == ConvolutionMode.Same;
    int[] pad = same ? new int[] {0, 0} : conf.getPadding();
    // checks the geometry (strict mode's divisibility) with DL4J's own messages
    ConvolutionUtils.getOutputSize(input, kernel, strides, same ? null : pad, conf.getConvolutionMode(), dilation,
        CNN2DFormat.NCHW);
    return new int[] {kernel[0], kernel[1], strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
        same ? 1 : 0, 0, 1};
  }

  /** {@code z = conv(input, weights) + bias} into {@code z} ({@code [batch, out, outH, outW]}); bias null for none. */
  static void forward(INDArray input, INDArray weights, INDArray bias, int[] arguments, INDArray z) {
    LayerArrays.conv2d(input, weights, bias, arguments, z);
  }

  /**
   * The gradients from {@code delta} (the pre-activation's): with respect to the input into
   * {@code inputGradient}, the weights into {@code weightGradient} and the bias into
   * {@code biasGradient} (null for none), each overwritten.
   */
  static void backward(INDArray input, INDArray weights, INDArray bias, INDArray delta, int[] arguments,
      INDArray inputGradient, INDArray weightGradient, INDArray biasGradient) {
    LayerArrays.conv2dBackward(input, weights, bias, delta, arguments, inputGradient, weightGradient, biasGradient);
  }
}
