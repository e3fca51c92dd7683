package dev.hyp.compiler.model;

import dev.hyp.compiler.source.Span;
import java.util.List;
import java.util.Map;

/** An entry of the model's layer list: a layer, or a loop that repeats layers. */
public sealed interface LayerItem {

  /**
   * A layer such as `dense`, with every argument by name (defaults filled in); {@code kindSpan}
   * is where its name was written, which messages about its place in the network point at.
   */
  record Layer(String kind, Map<String, Value> arguments, int line, Span kindSpan) implements LayerItem {
    public Layer {
      arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }
  }

  /** `for variable in from..to { body }`, both ends included. */
  record Repeat(String variable, Value from, Value to, List<LayerItem> body) implements LayerItem {
    public Repeat {
      body = List.copyOf(body);
    }
  }
}
