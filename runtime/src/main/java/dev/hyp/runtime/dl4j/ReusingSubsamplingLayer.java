package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.MaxPooling;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's max pooling layer for windows that do not overlap (kernel = stride, no padding, no
 * dilation, channels first, floats), whose training forward pass (DL4J's) also finds each window's
 * arg-max, so that the backward pass scatters the output gradient there ({@link MaxPooling}):
 * libnd4j's {@code maxpool2d_bp} searches every window again, and cost 4-5x its forward pass.
 * The same bits as DL4J's layer, forward and backward; anything else (other pooling, overlapping
 * windows, padding, channels last, a helper, doubles) is DL4J's own path.
 *
 * <p>A subclass of DL4J's implementation class, put into an initialised network by
 * {@link NetworkBuilder#build()}: the configuration stays DL4J's, so a saved model is plain DL4J.
 * The arg-maxes (one byte per output element) belong to the input they were found on: a new input
 * or {@code clear()} forgets them, and a backward pass without them is DL4J's. Off with
 * {@code -D}{@value #SWITCH}{@code =true}.
 */
final class ReusingSubsamplingLayer extends SubsamplingLayer {
  /** The switch: {@code true} keeps DL4J's subsampling layer. */
  static final String SWITCH = "hyp.dl4j.stockPooling";

  private transient byte[] argMax; // not kept through Java serialization: found again by the next forward pass
  private transient boolean held;

  ReusingSubsamplingLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  static boolean enabled() {
    return !Boolean.getBoolean(SWITCH);
  }

  /** Whether {@code layer} is exactly DL4J's subsampling layer, configured as this one takes it over. */
  static boolean applies(Layer layer) {
    return layer.getClass() == SubsamplingLayer.class && takesOver(layer);
  }

  /** Max pooling without a helper, channels first, kernel = stride, no dilation or padding, truncate or same. */
  private static boolean takesOver(Layer layer) {
    if (layer.getHelper() != null
        || !(layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.SubsamplingLayer conf)) {
      return false;
    }
    ConvolutionMode mode = conf.getConvolutionMode();
    return conf.getPoolingType() == PoolingType.MAX && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW
        && Arrays.equals(conf.getKernelSize(), conf.getStride()) && Arrays.equals(conf.getDilation(), new int[] {1, 1})
        && Arrays.equals(conf.getPadding(), new int[] {0, 0})
        && (mode == ConvolutionMode.Truncate || mode == ConvolutionMode.Same);
  }

  /**
   * Puts this layer in place of {@code net}'s DL4J subsampling layers that {@link #applies}, each
   * carrying over all of the replaced layer's state. Returns how many.
   */
  static int install(MultiLayerNetwork net) {
    return LayerReplacement.replace(net,
        old -> applies(old) ? new ReusingSubsamplingLayer(old.conf(), DataType.FLOAT) : null);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    held = false;
    INDArray output = super.activate(training, workspaceMgr); // libnd4j's maxpool2d, DL4J's bits
    long[] outShape = training ? outputShape() : null;
    if (outShape == null || !Arrays.equals(output.shape(), outShape)) {
      return output;
    }
    int length = (int) output.length();
    if (argMax == null || argMax.length != length) {
      argMax = new byte[length];
    }
    held = MaxPooling.argMax(input, layerConf().getKernelSize(), output, argMax);
    return output;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    long[] outShape = held ? outputShape() : null;
    if (outShape == null || epsilon.dataType() != DataType.FLOAT || !Arrays.equals(epsilon.shape(), outShape)) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray epsAtInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
    if (!MaxPooling.backward(epsilon, argMax, layerConf().getKernelSize(), epsAtInput)) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    return new Pair<>(new DefaultGradient(), epsAtInput);
  }

  /**
   * {@code [batch, channels, outH, outW]} when the input is one the loops take (rank 4 floats, the
   * windows without padding in this mode: libnd4j's forward padding and DL4J's backward one, the
   * same formula, are 0); null otherwise, for DL4J's own path (and its checks and messages).
   */
  private long[] outputShape() {
    if (input == null || input.rank() != 4 || input.dataType() != DataType.FLOAT || dataType != DataType.FLOAT
        || !takesOver(this)) {
      return null;
    }
    int[] k = layerConf().getKernelSize();
    long iH = input.size(2);
    long iW = input.size(3);
    if (iH < k[0] || iW < k[1]) {
      return null;
    }
    long oH;
    long oW;
    if (convolutionMode == ConvolutionMode.Same) {
      oH = (iH + k[0] - 1) / k[0];
      oW = (iW + k[1] - 1) / k[1];
      if ((oH * k[0] - iH) / 2 != 0 || (oW * k[1] - iW) / 2 != 0) {
        return null; // top or left padding
      }
    } else {
      oH = (iH - k[0]) / k[0] + 1;
      oW = (iW - k[1]) / k[1] + 1;
    }
    return new long[] {input.size(0), input.size(1), oH, oW};
  }

  @Override
  public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
    held = false;
    super.setInput(input, workspaceMgr);
  }

  @Override
  public void clear() {
    held = false;
    super.clear();
  }
}
