package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.DirectWeightGradient;
import dev.hyp.runtime.dl4j.nd4j.LayerArrays;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's convolution layer (channels first, no helper), whose backward pass takes the forward pass's
 * pre-activation and im2col columns ({@link ConvolutionReuse}) and computes the gradient with respect
 * to its input's columns straight into the order col2im reads. DL4J's {@code backpropGradient} asks
 * for that product ({@code w2d.mmul(delta2d)}) in c order, which ND4J computes into an f-order
 * temporary and copies; the f-order product itself is the same BLAS call into the same layout, and
 * col2im sums its terms by kernel row, then kernel column, in either layout (libnd4j's loop for a
 * column array whose strides do not fall from first to last dimension, which neither does), so the
 * copy goes and the bits stay. ReLU's backward pass writes into the pre-activation ({@link #delta}),
 * which drops another copy. The rest of the backward pass is DL4J 1.0.0-M2.1's, op for op.
 */
final class ReusingConvolutionLayer extends ConvolutionLayer {
  private transient ConvolutionReuse reuse; // not kept through Java serialization: made again on first use
  private transient boolean inputGradientDropped;
  private transient DirectWeightGradient directWeightGradient; // the first layer's weight gradient on the oneDNN path

  ReusingConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
    if (ConvolutionReuse.onPath(this) && OpConvolution.applies(this)) {
      return opPreOutput(training, forBackprop, workspaceMgr);
    }
    if (!training || !ConvolutionReuse.onPath(this)) {
      return super.preOutput(training, forBackprop, workspaceMgr);
    }
    if (forBackprop) {
      Pair<INDArray, INDArray> kept = reuse().take();
      return kept != null ? kept : super.preOutput(true, true, workspaceMgr);
    }
    // the forward pass's: the same z, with the columns DL4J returns when asked for backprop
    Pair<INDArray, INDArray> computed = super.preOutput(true, true, workspaceMgr);
    reuse().keep(computed.getFirst(), computed.getSecond());
    return new Pair<>(computed.getFirst(), null);
  }

  /**
   * Whether the backward pass may leave out the gradient with respect to the layer's input, as the network's
   * first layer under {@code fit} alone ({@link PreOutputReuse#dropInputGradient}, as {@link
   * ReusingDenseLayer#dropInputGradient}). On the oneDNN path that also takes the weights' gradient from the
   * im2col path (columns and one product: DL4J's formula), since libnd4j's {@code conv2d_bp} always computes the
   * input's, about two thirds of its cost for a first layer of one channel.
   */
  void dropInputGradient(boolean drop) {
    inputGradientDropped = drop;
  }

  private boolean dropsInputGradient() {
    return inputGradientDropped && layerConf().getIDropout() == null;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (!ConvolutionReuse.onPath(this)) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    if (OpConvolution.applies(this) && !dropsInputGradient()) {
      return opBackpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
    getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
    INDArray input = this.input.castTo(dataType);
    if (epsilon.dataType() != dataType) {
      epsilon = epsilon.castTo(dataType);
    }
    long miniBatch = input.size(0);
    int inH = (int) input.size(2);
    int inW = (int) input.size(3);
    long outDepth = weights.size(0);
    long inDepth = weights.size(1);
    int kH = (int) weights.size(2);
    int kW = (int) weights.size(3);
    int[] dilation = layerConf().getDilation();
    int[] kernel = layerConf().getKernelSize();
    int[] strides = layerConf().getStride();
    int[] pad;
    int[] outSize;
    if (convolutionMode == ConvolutionMode.Same) {
      outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, null, convolutionMode, dilation,
          org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
      pad = ConvolutionUtils.getSameModeTopLeftPadding(outSize, new int[] {inH, inW}, kernel, strides, dilation);
    } else {
      pad = layerConf().getPadding();
      outSize = ConvolutionUtils.getOutputSize(input, kernel, strides, pad, convolutionMode, dilation,
          org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
    }
    int outH = outSize[0];
    int outW = outSize[1];

    INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
    INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
    INDArray weightGradView2df =
        LayerArrays.reshapeNoCopy(weightGradView, new long[] {outDepth, inDepth * kH * kW}, false).transpose();

    Pair<INDArray, INDArray> p = preOutput4d(true, true, workspaceMgr);
    INDArray delta = delta(p.getFirst(), epsilon);
    if (dropsInputGradient() && OpConvolution.applies(this) && OpConvolution.directWeightGradient()
        && strides[0] == 1 && strides[1] == 1 && dilation[0] == 1 && dilation[1] == 1
        && directWeightGradient().compute(input, delta, kH, kW, pad[0], pad[1], weightGradView,
            layerConf().hasBias() ? biasGradView : null)) {
      return droppedInputGradient(miniBatch, inDepth, inH, inW, biasGradView, weightGradView, workspaceMgr);
    }
    delta = delta.permute(1, 0, 2, 3);
    INDArray delta2d = delta.reshape('c', new long[] {outDepth, miniBatch * outH * outW});

    INDArray im2col2d = p.getSecond();
    if (im2col2d == null) {
      INDArray col = Nd4j.createUninitialized(dataType, new long[] {miniBatch, outH, outW, inDepth, kH, kW}, 'c');
      INDArray col2 = col.permute(0, 3, 4, 5, 1, 2);
      Convolution.im2col(input, kH, kW, strides[0], strides[1], pad[0], pad[1], dilation[0], dilation[1],
          convolutionMode == ConvolutionMode.Same, col2);
      im2col2d = col.reshape('c', miniBatch * outH * outW, inDepth * kH * kW);
    }
    Nd4j.gemm(im2col2d, delta2d, weightGradView2df, true, true, 1.0, 0.0);

    INDArray epsNext;
    if (dropsInputGradient()) {
      // fit discards it (MultiLayerNetwork sets the first layer's to null); an input preprocessor's backprop,
      // which runs before that, still gets an array of the input's shape
      epsNext = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, new long[] {miniBatch, inDepth, inH, inW}, 'c');
    } else {
      INDArray w2d = weights.permute(3, 2, 1, 0).reshape('f', inDepth * kH * kW, outDepth);
      // DL4J: w2d.mmul(delta2d), a c-order result computed into an f-order temporary and copied
      INDArray epsNext2d = Nd4j.createUninitialized(w2d.dataType(), new long[] {w2d.rows(), delta2d.columns()}, 'f');
      w2d.mmuli(delta2d, epsNext2d);
      INDArray eps6d = LayerArrays.reshapeNoCopy(epsNext2d, new long[] {kW, kH, inDepth, outW, outH, miniBatch}, true);
      eps6d = eps6d.permute(5, 2, 1, 0, 4, 3);
      INDArray epsNextOrig = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, eps6d.dataType(),
          new long[] {inDepth, miniBatch, inH, inW}, 'c');
      epsNext = epsNextOrig.permute(1, 0, 2, 3);
      Convolution.col2im(eps6d, epsNext, strides[0], strides[1], pad[0], pad[1], inH, inW, dilation[0], dilation[1]);
    }

    Gradient gradient = new DefaultGradient();
    if (layerConf().hasBias()) {
      delta2d.sum(biasGradView, 1);
      gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
    }
    gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
    weightNoiseParams.clear();
    epsNext = backpropDropOutIfPresent(epsNext);
    return new Pair<>(gradient, epsNext);
  }

  /**
   * The gradient of a layer that leaves out its input's ({@link #dropInputGradient}), the weights' and
   * bias's already in their views: an input gradient of zeros of the input's shape, for a preprocessor.
   */
  private Pair<Gradient, INDArray> droppedInputGradient(long miniBatch, long inDepth, int inH, int inW,
      INDArray biasGradView, INDArray weightGradView, LayerWorkspaceMgr workspaceMgr) {
    INDArray epsNext =
        workspaceMgr.create(ArrayType.ACTIVATION_GRAD, dataType, new long[] {miniBatch, inDepth, inH, inW}, 'c');
    Gradient gradient = new DefaultGradient();
    if (layerConf().hasBias()) {
      gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
    }
    gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
    weightNoiseParams.clear();
    return new Pair<>(gradient, epsNext);
  }

  private DirectWeightGradient directWeightGradient() {
    if (directWeightGradient == null) {
      directWeightGradient = new DirectWeightGradient();
    }
    return directWeightGradient;
  }

  /**
   * {@link OpConvolution}'s pre-activation: the {@code conv2d} op into a c-order array, kept (copied)
   * by a training forward pass for the backward pass, as on the im2col path; no columns.
   */
  private Pair<INDArray, INDArray> opPreOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
    if (training && forBackprop) {
      Pair<INDArray, INDArray> kept = reuse().take();
      if (kept != null) {
        return kept;
      }
    }
    assertInputSet(false);
    INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, training, workspaceMgr);
    INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, training, workspaceMgr);
    validateInputRank();
    validateInputDepth(weights.size(1));
    INDArray input = this.input.castTo(dataType);
    int[] arguments = OpConvolution.arguments(this, input);
    int[] outSize = ConvolutionUtils.getOutputSize(input, layerConf().getKernelSize(), layerConf().getStride(),
        convolutionMode == ConvolutionMode.Same ? null : layerConf().getPadding(), convolutionMode,
        layerConf().getDilation(), org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
    INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        new long[] {input.size(0), weights.size(0), outSize[0], outSize[1]}, 'c');
    OpConvolution.forward(input, weights, layerConf().hasBias() ? bias : null, arguments, z);
    if (training && !forBackprop) {
      reuse().keepPreActivation(z);
    }
    return new Pair<>(z, null);
  }

  /** {@link OpConvolution}'s backward pass: the activation's, then the {@code conv2d_bp} op into the gradient views. */
  private Pair<Gradient, INDArray> opBackpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaceMgr);
    INDArray bias = getParamWithNoise(ConvolutionParamInitializer.BIAS_KEY, true, workspaceMgr);
    INDArray input = this.input.castTo(dataType);
    if (epsilon.dataType() != dataType) {
      epsilon = epsilon.castTo(dataType);
    }
    INDArray delta = delta(preOutput4d(true, true, workspaceMgr).getFirst(), epsilon);
    INDArray biasGradView = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
    INDArray weightGradView = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
    INDArray epsNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
    boolean hasBias = layerConf().hasBias();
    OpConvolution.backward(input, weights, hasBias ? bias : null, delta, OpConvolution.arguments(this, input),
        epsNext, weightGradView, hasBias ? biasGradView : null);
    Gradient gradient = new DefaultGradient();
    if (hasBias) {
      gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
    }
    gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
    weightNoiseParams.clear();
    return new Pair<>(gradient, backpropDropOutIfPresent(epsNext));
  }

  /**
   * The activation's backward pass. DL4J's ReLU writes {@code z > 0 ? epsilon : 0} into a new c-order
   * array, which the reshape of {@code delta2d} then copies (permuted, it is not c order); written into
   * {@code z} itself (this layer's to overwrite: the kept copy or the recomputation), the values are the
   * same and the permuted {@code z} is c order, so the reshape is a view, as DL4J's comments intend.
   */
  private INDArray delta(INDArray z, INDArray epsilon) {
    IActivation afn = layerConf().getActivationFn();
    if (afn.getClass() == ActivationReLU.class && ((ActivationReLU) afn).getMax() == null
        && ((ActivationReLU) afn).getThreshold() == null && ((ActivationReLU) afn).getNegativeSlope() == null
        && Arrays.equals(z.shape(), epsilon.shape())) {
      LayerArrays.reluBackwardInPlace(z, epsilon);
      return z;
    }
    return afn.backprop(z, epsilon).getFirst();
  }

  @Override
  public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
    reuse().forget();
    super.setInput(input, workspaceMgr);
  }

  @Override
  public void clear() {
    reuse().forget();
    super.clear();
  }

  @Override
  public void setParams(INDArray params) {
    reuse().forget();
    super.setParams(params);
  }

  @Override
  public void setParam(String key, INDArray val) {
    reuse().forget();
    super.setParam(key, val);
  }

  @Override
  public void setParamsViewArray(INDArray params) {
    reuse().forget();
    super.setParamsViewArray(params);
  }

  private ConvolutionReuse reuse() {
    if (reuse == null) {
      reuse = new ConvolutionReuse();
    }
    return reuse;
  }
}
