package dev.hyp.runtime.pruner;

import dev.hyp.runtime.sampler.Options;
import java.util.List;
import java.util.Map;

/** Builds a pruner from {@code pruner = NAME(options)}. */
public final class Pruners {
  public static final List<String> NAMES = List.of("none", "median", "asha", "hyperband");

  private Pruners() {}

  public static Pruner create(String name, Map<String, Object> options) {
    Options o = new Options(name, options);
    Pruner pruner = switch (name) {
      case "none" -> new NopPruner();
      default -> throw new IllegalArgumentException("unknown pruner `" + name + "`; known: " + NAMES);
    };
    o.rejectUnknown();
    return pruner;
  }
}
