package dev.hyp.runtime.pruner;

import dev.hyp.runtime.sampler.Options;
import java.util.List;
import java.util.Map;

/**
 * Builds a pruner from {@code pruner = NAME(options)}: {@code none}, {@code median(warmup = 0,
 * startup = 5)}, {@code asha(min_epochs = 1, reduction = 3)}, {@code hyperband(min_epochs = 1,
 * reduction = 3, max_epochs)}.
 */
public final class Pruners {
  public static final List<String> NAMES = List.of("none", "median", "asha", "hyperband");

  private Pruners() {}

  private static int requiredInt(Options o, String name) {
    int v = o.getInt(name, Integer.MIN_VALUE);
    if (v == Integer.MIN_VALUE) {
      throw new IllegalArgumentException("hyperband needs `" + name + "`");
    }
    return v;
  }

  public static Pruner create(String name, Map<String, Object> options) {
    Options o = new Options(name, options);
    Pruner pruner = switch (name) {
      case "none" -> new NopPruner();
      case "median" -> new MedianPruner(o.getInt("warmup", 0), o.getInt("startup", 5));
      case "asha" -> new AshaPruner(o.getInt("min_epochs", 1), o.getInt("reduction", 3));
      case "hyperband" -> new HyperbandPruner(o.getInt("min_epochs", 1), o.getInt("reduction", 3),
          requiredInt(o, "max_epochs"));
      default -> throw new IllegalArgumentException("unknown pruner `" + name + "`; known: " + NAMES);
    };
    o.rejectUnknown();
    return pruner;
  }
}
