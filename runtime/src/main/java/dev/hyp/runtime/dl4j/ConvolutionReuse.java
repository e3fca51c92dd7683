package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.LayerArrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer's forward pass, kept for its backward pass. DL4J 1.0.0-M2.1's {@code
 * ConvolutionLayer.backpropGradient} computes the forward again ({@code preOutput4d}: a whole second
 * im2col and matrix product, and the bias add), since the forward pass activated its pre-activation
 * in place and left its im2col columns in the layer's working memory, which the next layer reuses.
 *
 * <p>DL4J's own {@code CacheMode} keeps both, and they are the same bits, but only with the
 * network's cache mode set in its configuration (saved with the model, and turning on the lstm
 * layers' caches too), and it never forgets them: a backward pass whose forward did not cache would
 * take the last step's arrays from reset workspace memory. Here the first training-mode forward
 * since the layer's input was set copies its pre-activation and its columns, each into a detached
 * array of exactly its layout (a memory copy, no op), and the backward pass takes them once. A new
 * input, new parameters or {@code clear()} forgets them; inference never keeps or takes them.
 *
 * <p>{@link ReusingConvolutionLayer} is hyp's subclass of DL4J's implementation class, put into a
 * network after {@code init()}: the configuration stays DL4J's, so a saved model is plain DL4J. Off
 * with {@code -Dhyp.dl4j.stockConvolution=true}.
 */
final class ConvolutionReuse {
  /** The switch: {@code true} keeps DL4J's convolution layer. */
  static final String SWITCH = "hyp.dl4j.stockConvolution";

  private INDArray preActivation;
  private INDArray columns;
  private boolean held;

  /** Whether hyp's convolution layer is on (its switch not set). */
  static boolean enabled() {
    return !Boolean.getBoolean(SWITCH);
  }

  /** Whether {@code layer} is exactly DL4J's convolution layer, {@link #onPath on the path} hyp's replaces. */
  static boolean applies(Layer layer) {
    return layer.getClass() == ConvolutionLayer.class && onPath((ConvolutionLayer) layer);
  }

  /**
   * Whether {@code layer} runs DL4J's own convolution: no helper (cuDNN, oneDNN), channels first, no
   * weight noise, no DL4J cache mode.
   */
  static boolean onPath(ConvolutionLayer layer) {
    return layer.getHelper() == null
        && layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer conf
        && conf.getCnn2dDataFormat() == CNN2DFormat.NCHW && conf.getWeightNoise() == null
        && (layer.getCacheMode() == null || layer.getCacheMode() == CacheMode.NONE);
  }

  /** The kept pre-activation and columns, handed out once; null when there are none. */
  Pair<INDArray, INDArray> take() {
    if (!held) {
      return null;
    }
    held = false;
    return new Pair<>(preActivation, columns);
  }

  /** Keeps copies of a training forward's {@code z} and {@code columns}; keeps nothing when either is a view. */
  void keep(INDArray z, INDArray columns) {
    if (columns == null || !LayerArrays.fillsItsBuffer(z) || !LayerArrays.fillsItsBuffer(columns)) {
      held = false;
      return;
    }
    preActivation = LayerArrays.exactCopy(preActivation, z);
    this.columns = LayerArrays.exactCopy(this.columns, columns);
    held = true;
  }

  /** Keeps a copy of a training forward's {@code z} alone ({@link OpConvolution}'s: no columns); nothing when it is a view. */
  void keepPreActivation(INDArray z) {
    if (!LayerArrays.fillsItsBuffer(z)) {
      held = false;
      return;
    }
    preActivation = LayerArrays.exactCopy(preActivation, z);
    columns = null;
    held = true;
  }

  void forget() {
    held = false;
  }

  /**
   * Puts {@link ReusingConvolutionLayer} in place of DL4J's convolution layers of an initialised
   * {@code net} that {@link #applies}, each carrying over all of the replaced layer's state. Returns how many.
   */
  static int install(MultiLayerNetwork net) {
    return LayerReplacement.replace(net,
        old -> applies(old) ? new ReusingConvolutionLayer(old.conf(), old.getParam("W").dataType()) : null);
  }
}
