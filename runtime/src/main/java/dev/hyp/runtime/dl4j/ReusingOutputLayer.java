package dev.hyp.runtime.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's output layer, whose training score takes its backward pass's pre-activation ({@link PreOutputReuse}),
 * and which can hand out its inference pre-activations, so that a part's loss comes from the pass that gave
 * its output ({@link PartOutput}).
 */
final class ReusingOutputLayer extends OutputLayer {
  private transient PreOutputReuse reuse; // not kept through Java serialization: made again on first use
  private transient List<INDArray> inferencePreOutputs;

  ReusingOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    if (!training) {
      Pair<INDArray, INDArray> z = computePreOutput(false, forBackprop, workspaceMgr);
      if (inferencePreOutputs != null) {
        inferencePreOutputs.add(detachedCopy(z.getFirst())); // before the activation overwrites it
      }
      return z;
    }
    INDArray z = reuse().take();
    if (z != null) {
      return new Pair<>(z, z);
    }
    Pair<INDArray, INDArray> computed = computePreOutput(true, forBackprop, workspaceMgr);
    reuse().keep(computed.getFirst()); // the backward pass's, for the score after it
    return computed;
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

  /**
   * From now on, adds a copy of every inference pre-activation (as {@code computeScore} computes it: after
   * the bias and any mask) to {@code into}; null stops.
   */
  void keepInferencePreOutputs(List<INDArray> into) {
    inferencePreOutputs = into;
  }

  /**
   * {@code BaseOutputLayer.computeScore} (DL4J 1.0.0-M2.1) on a kept inference pre-activation {@code z} of
   * rows without masks: the loss function's sum over the rows, divided by their count in a minibatch
   * configuration, plus {@code regularization}, in the same double arithmetic.
   */
  double scoreOf(INDArray z, INDArray labels, double regularization) {
    double score = layerConf().getLossFn().computeScore(labels, z, layerConf().getActivationFn(), null, false);
    if (conf().isMiniBatch()) {
      score /= (int) z.size(0); // getInputMiniBatchSize(): the rows of the layer's input, which are z's
    }
    score += regularization;
    return score;
  }

  private static INDArray detachedCopy(INDArray z) { // outside the inference workspaces, which are reused
    return Nd4j.createUninitializedDetached(z.dataType(), z.ordering(), z.shape()).assign(z);
  }

  private PreOutputReuse reuse() {
    if (reuse == null) {
      reuse = new PreOutputReuse();
    }
    return reuse;
  }
}
