package dev.hyp.compiler.model;

import java.util.List;

/**
 * The network: updater (an {@link Value.Invocation}), weight init, regularisation and the
 * layers. Settings the spec left out are null (the trainer's defaults apply).
 */
public record ModelSpec(Value updater, Value weightInit, Value l1, Value l2, Value gradientClip,
    List<LayerItem> layers) {
  public ModelSpec {
    layers = List.copyOf(layers);
  }
}
