package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.FieldCopy;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Puts hyp's subclasses of DL4J's layer implementations in place of an initialised network's own
 * ({@link PreOutputReuse}, {@link ConvolutionReuse}, {@link ReusingSubsamplingLayer}): each carries
 * over all of the replaced layer's state, and the network's layer map follows.
 */
final class LayerReplacement {
  private LayerReplacement() {}

  /**
   * Replaces each of {@code net}'s layers for which {@code ours} gives a new one (null keeps the layer);
   * returns how many.
   */
  static int replace(MultiLayerNetwork net, Function<Layer, Layer> ours) {
    Layer[] layers = net.getLayers();
    int replaced = 0;
    for (int i = 0; i < layers.length; i++) {
      Layer old = layers[i];
      Layer replacement = ours.apply(old);
      if (replacement == null) {
        continue;
      }
      FieldCopy.into(old, replacement);
      layers[i] = replacement;
      FieldCopy.replaceValue(MultiLayerNetwork.class, net, "layerMap", old, replacement);
      replaced++;
    }
    net.setLayers(layers);
    return replaced;
  }
}
