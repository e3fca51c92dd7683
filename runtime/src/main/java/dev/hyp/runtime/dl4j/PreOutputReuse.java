package dev.hyp.runtime.dl4j;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense or output layer's pre-activation {@code z = x W + b}, computed once per training step
 * instead of twice. DL4J 1.0.0-M2.1 computes it again where it needs it a second time: a dense
 * layer in its backward pass ({@code BaseLayer.backpropGradient}, after the forward pass activated
 * its {@code z} in place), the output layer for the score after its backward pass ({@code
 * BaseOutputLayer.computeScore}). Each time is a matrix product, an order-changing copy of its
 * result ({@code BaseNDArray.mmuli} into a c-order array) and a bias add. No DL4J setting avoids it
 * ({@code CacheMode} and the workspace modes do not reach {@code BaseLayer}).
 *
 * <p>Here the first training-mode {@code z} since the layer's input was set is copied, and the
 * next training-mode request takes that copy instead of computing it again: the same bits, since
 * the second computation runs the same ops on the same input and parameters, which do not change
 * between the two (the updater runs after both). Any new input, parameters or {@code clear()}
 * forgets it; inference never keeps or takes one. The copy is used once (the backward pass
 * activates it in place), so it needs no copy of its own.
 *
 * <p>The layers are hyp's subclasses of DL4J's implementation classes ({@link ReusingDenseLayer},
 * {@link ReusingOutputLayer}), put into a network after {@code init()}: the configuration stays
 * DL4J's, so a saved model is plain DL4J and loads into DL4J's own classes. Off with
 * {@code -Dhyp.dl4j.recomputePreOutput=true}.
 */
final class PreOutputReuse {
  /** The switch: {@code true} keeps DL4J's recomputation. */
  static final String SWITCH = "hyp.dl4j.recomputePreOutput";

  private INDArray kept;
  private boolean held;

  /** Whether {@code layer} may reuse its pre-activation: no layer norm, no weight noise. */
  static boolean applies(NeuralNetConfiguration conf) {
    return conf.getLayer() instanceof BaseLayer layer && layer.getWeightNoise() == null
        && !(layer instanceof org.deeplearning4j.nn.conf.layers.DenseLayer dense && dense.hasLayerNorm());
  }

  /** The kept {@code z}, handed out once; null when there is none. */
  INDArray take() {
    if (!held) {
      return null;
    }
    held = false;
    return kept;
  }

  /** Keeps a copy of {@code z}, outside any workspace (the training step's are reset before it is taken). */
  void keep(INDArray z) {
    if (kept == null || kept.ordering() != z.ordering() || !Arrays.equals(kept.shape(), z.shape())
        || kept.dataType() != z.dataType()) {
      kept = Nd4j.createUninitializedDetached(z.dataType(), z.ordering(), z.shape());
    }
    kept.assign(z);
    held = true;
  }

  void forget() {
    held = false;
  }

  /** Whether hyp's reuse is on (its switch not set). */
  static boolean enabled() {
    return !Boolean.getBoolean(SWITCH);
  }

  /**
   * Lets {@code net}'s first layer leave out the gradient with respect to the network's input while
   * {@code drop} is true ({@link ReusingDenseLayer#dropInputGradient}, {@link
   * ReusingConvolutionLayer#dropInputGradient}): only while nothing but {@code net.fit} trains it, which
   * discards that gradient. A first layer that is not hyp's dense or convolution layer, or a dense layer with an
   * input preprocessor (which would be given the gradient), keeps computing it; the convolution layer gives such a
   * preprocessor an array of zeros instead.
   */
  static void dropInputGradient(MultiLayerNetwork net, boolean drop) {
    if (net.getnLayers() == 0) {
      return;
    }
    boolean preprocessed = net.getLayerWiseConfigurations().getInputPreProcess(0) != null;
    if (net.getLayer(0) instanceof ReusingDenseLayer first && !preprocessed) {
      first.dropInputGradient(drop);
    } else if (net.getLayer(0) instanceof ReusingConvolutionLayer first) {
      first.dropInputGradient(drop);
    }
  }

  /**
   * Puts {@link ReusingDenseLayer} and {@link ReusingOutputLayer} in place of DL4J's dense and output
   * layers of an initialised {@code net} (layers of exactly DL4J's classes, without layer norm or
   * weight noise), each carrying over all of the replaced layer's state. Returns how many.
   */
  static int install(MultiLayerNetwork net) {
    return LayerReplacement.replace(net, old -> {
      if (!applies(old.conf())) {
        return null;
      }
      if (old.getClass() == org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer.class) {
        return new ReusingDenseLayer(old.conf(), old.getParam("W").dataType());
      }
      if (old.getClass() == org.deeplearning4j.nn.layers.OutputLayer.class) {
        return new ReusingOutputLayer(old.conf(), old.getParam("W").dataType());
      }
      return null;
    });
  }
}
