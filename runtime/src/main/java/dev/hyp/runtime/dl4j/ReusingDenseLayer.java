package dev.hyp.runtime.dl4j;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's dense layer, whose backward pass takes the forward pass's pre-activation ({@link PreOutputReuse}),
 * and which, as a network's first layer, can leave out the gradient with respect to its input while
 * that is discarded ({@link #dropInputGradient}).
 */
final class ReusingDenseLayer extends DenseLayer {
  private transient PreOutputReuse reuse; // not kept through Java serialization: made again on first use
  private transient boolean inputGradientDropped;

  ReusingDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    if (!training) {
      return computePreOutput(false, forBackprop, workspaceMgr);
    }
    INDArray z = reuse().take();
    if (z != null) {
      return new Pair<>(z, z);
    }
    Pair<INDArray, INDArray> computed = computePreOutput(true, forBackprop, workspaceMgr);
    if (!forBackprop) {
      reuse().keep(computed.getFirst()); // the forward pass's, before its activation overwrites it
    }
    return computed;
  }

  /**
   * Whether the backward pass may leave out the gradient with respect to the layer's input (returning
   * null for it). {@code MultiLayerNetwork.fit} drops the first layer's ({@code calcBackpropGradients}
   * with {@code returnInputActGrad} false sets it to null), so DL4J's product for it is wasted there;
   * {@code calculateGradients} and {@code backpropGradient} of the network return it, so only the caller
   * that knows it runs {@code fit} alone sets this ({@link PreOutputReuse#dropInputGradient}).
   */
  void dropInputGradient(boolean drop) {
    inputGradientDropped = drop;
  }

  /**
   * {@code BaseLayer.backpropGradient} of DL4J 1.0.0-M2.1, the same ops in the same order on the same
   * arrays, without the input gradient's product ({@code W.mmuli(delta.transpose(), epsilonNext)}) and its
   * array, when that is dropped and there is no dropout on the input to apply to it. Layer norm and
   * weight noise never reach this class ({@link PreOutputReuse#applies}).
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (!inputGradientDropped || layerConf().getIDropout() != null) {
      return super.backpropGradient(epsilon, workspaceMgr);
    }
    assertInputSet(true);
    INDArray z = preOutputWithPreNorm(true, true, workspaceMgr).getFirst();
    INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
    if (maskArray != null) {
      applyMask(delta);
    }
    Gradient ret = new DefaultGradient();
    if (hasBias()) {
      INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
      delta.sum(biasGrad, 0);
      ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
    }
    INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    Nd4j.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
    ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
    weightNoiseParams.clear();
    return new Pair<>(ret, null);
  }

  /**
   * {@code BaseLayer.preOutputWithPreNorm} of DL4J 1.0.0-M2.1 (no layer norm reaches this class), with the
   * product's copy and the bias add in one pass ({@link BiasedPreOutput}) where that applies.
   */
  private Pair<INDArray, INDArray> computePreOutput(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    if (!BiasedPreOutput.applies(hasBias(), dataType, input, getParam(DefaultParamInitializer.WEIGHT_KEY))) {
      return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
    }
    assertInputSet(forBackprop);
    applyDropOutIfNecessary(training, workspaceMgr);
    INDArray W = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
    INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
    INDArray z = BiasedPreOutput.of(input, W, b, workspaceMgr);
    if (maskArray != null) {
      applyMask(z);
    }
    return new Pair<>(z, z);
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

  private PreOutputReuse reuse() {
    if (reuse == null) {
      reuse = new PreOutputReuse();
    }
    return reuse;
  }
}
