package dev.hyp.compiler.model;

/**
 * One declared parameter. A per-layer parameter (`units[depth]`) has {@code layerBound}, the
 * int parameter or constant that says how many elements exist, and {@code maxLayers}, the
 * largest it can be; its element `units[k]` exists in a trial only when k <= the bound.
 * {@code condition} is null when the parameter always exists.
 */
public record ParamSpec(String name, Distribution distribution, ParamCondition condition, String layerBound,
    int maxLayers, String conditionText) {

  public boolean isPerLayer() {
    return maxLayers > 0;
  }

  public boolean isConditional() {
    return condition != null;
  }
}
