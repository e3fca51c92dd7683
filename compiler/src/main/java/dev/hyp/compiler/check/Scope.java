package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** The loop variables visible at a place in `model`, with the bounds of their loops. */
final class Scope {
  static final Scope EMPTY = new Scope(Map.of());

  /** `for name in from..to`, both ends checked integers. */
  record Loop(String name, Value from, Value to) {}

  private final Map<String, Loop> loops;

  private Scope(Map<String, Loop> loops) {
    this.loops = loops;
  }

  Scope with(Loop loop) {
    Map<String, Loop> inner = new LinkedHashMap<>(loops);
    inner.put(loop.name(), loop);
    return new Scope(inner);
  }

  Loop loop(String name) {
    return loops.get(name);
  }

  Iterable<String> names() {
    return loops.keySet();
  }
}
