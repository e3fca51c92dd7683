package dev.hyp.runtime.pruner;

import dev.hyp.runtime.sampler.Options;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Term;
import java.util.List;
import java.util.Map;

/**
 * Builds a pruner from {@code pruner = NAME(options)}; the options, their names and their
 * defaults are the vocabulary's ({@link PrunerKind#options()}). Hyperband's `max_epochs` has no
 * fixed default: the run passes the largest `epochs`.
 */
public final class Pruners {
  public static final List<String> NAMES = Term.names(PrunerKind.class);

  private Pruners() {}

  public static Pruner create(String name, Map<String, Object> options) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown pruner `" + name + "`; known: " + NAMES);
    }
    return create(PrunerKind.of(name), options);
  }

  public static Pruner create(PrunerKind kind, Map<String, Object> options) {
    Options o = new Options(kind.hypName(), options);
    Pruner pruner = switch (kind) {
      case NONE -> new NopPruner();
      case MEDIAN -> new MedianPruner(integer(o, kind, "warmup"), integer(o, kind, "startup"));
      case ASHA -> new AshaPruner(integer(o, kind, "min_epochs"), integer(o, kind, "reduction"));
      case HYPERBAND -> new HyperbandPruner(integer(o, kind, "min_epochs"), integer(o, kind, "reduction"),
          requiredInt(o, "max_epochs"));
    };
    o.rejectUnknown();
    return pruner;
  }

  private static int integer(Options options, PrunerKind kind, String name) {
    return options.getInt(name, kind.option(name).defaultInt());
  }

  private static int requiredInt(Options o, String name) {
    int v = o.getInt(name, Integer.MIN_VALUE);
    if (v == Integer.MIN_VALUE) {
      throw new IllegalArgumentException("hyperband needs `" + name + "`");
    }
    return v;
  }
}
