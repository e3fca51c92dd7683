package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.ModelSpec;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import dev.hyp.runtime.dl4j.MachineMemory;
import dev.hyp.runtime.vocab.Updater;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Warns (HYP102) when even the smallest network the spec's ranges allow would not fit in this
 * machine's memory, so that every trial of the run would fail at once (the runtime's memory guard,
 * docs/performance.md "Memory"). Without DL4J: the parameter counts of the language's layers are
 * written out here, and {@code MemoryCheckerTest} holds them to DL4J's count on the samples.
 *
 * <p>The smallest network: every size at its range's lowest, each loop at its fewest repetitions,
 * `valid` padding where the spec allows it and, for what a layer passes on, the largest kernel and
 * stride. Its need is a lower bound of what a trial needs: weights, their gradients and the
 * updater's state (Adam keeps 2 per weight), once per fold, times the trials that run at once.
 * One batch's activations are left out (they depend on the data's rows, which the check does not
 * read), and so is the input's width (taken as 1 feature, and the output as 1 unit, unless the
 * spec says).
 */
final class MemoryChecker {
  private static final int MAX_LAYERS = 100_000; // beyond, the check gives up rather than walk it

  /** A layer of the smallest network, its sizes by argument name (padding as its name). */
  record SizedLayer(String kind, Map<String, Object> sizes, long parameters, Span at) {}

  /** The smallest network: its layers and their parameters in all. */
  record SmallestNetwork(List<SizedLayer> layers, long parameters) {}

  /** What one layer hands the next: flat features, an image, or a sequence of steps. */
  private record Shape(long features, long height, long width, long channels, long steps) {
    static Shape flat(long n) {
      return new Shape(n, 0, 0, 0, 0);
    }

    static Shape image(long h, long w, long c) {
      return new Shape(0, h, w, c, 0);
    }

    static Shape sequence(long steps, long n) {
      return new Shape(n, 0, 0, 0, steps);
    }

    boolean isImage() {
      return height > 0;
    }

    /** What a dense layer reads: the image flattened, or a sequence's last step. */
    long flatSize() {
      return isImage() ? height * width * channels : features;
    }
  }

  /** Both ends of what a value can be; null where the checker cannot tell. */
  private record Range(double lo, double hi) {}

  private final Diagnostics diagnostics;
  private final OptionalLong machine;

  /** @param machine the bytes hyp's trials may use on this machine, empty when unknown */
  MemoryChecker(Diagnostics diagnostics, OptionalLong machine) {
    this.diagnostics = diagnostics;
    this.machine = machine;
  }

  /** HYP_MEMORY_LIMIT when set, else the share of this machine's memory the runtime counts on. */
  static OptionalLong machineMemory() {
    try {
      OptionalLong limit = MachineMemory.limit();
      if (limit.isPresent()) {
        return limit;
      }
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty(); // a bad limit is the run's to report
    }
    OptionalLong total = MachineMemory.total();
    return total.isPresent() ? OptionalLong.of((long) (total.getAsLong() * MachineMemory.SAFE_FRACTION)) : total;
  }

  void check(CheckedExperiment experiment) {
    if (machine.isEmpty()) {
      return;
    }
    DataSpec.ImageShape image = experiment.data().shape();
    Shape input = image == null ? Shape.flat(1) : Shape.image(image.height(), image.width(), image.channels());
    Map<String, Distribution> params = new HashMap<>();
    experiment.params().forEach(p -> params.put(p.name(), p.distribution()));
    Optional<SmallestNetwork> network = smallest(experiment.model(), params, input, 1);
    if (network.isEmpty() || network.get().layers().isEmpty()) {
      return;
    }
    long folds = experiment.data().split() instanceof DataSpec.KFold k ? k.folds() : 1;
    long parallel = experiment.search().parallel();
    double perWeight = 4.0 * (2 + updaterStates(experiment.model().updater(), params));
    double trial = network.get().parameters() * perWeight * folds;
    if (trial * parallel <= machine.getAsLong()) {
      return;
    }
    SizedLayer largest = network.get().layers().stream()
        .max(java.util.Comparator.comparingLong(SizedLayer::parameters)).orElseThrow();
    String perTrial = MachineMemory.format(trial >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) trial);
    diagnostics.add(Diagnostic.warning(Code.HYP102, largest.at(), "every trial would need more memory than this"
            + " machine gives it: the smallest network the ranges allow needs at least " + perTrial + " per trial"
            + (parallel > 1 ? " (" + parallel + " trials at once)" : ""))
        .label(String.format(java.util.Locale.ROOT, "%,d parameters here", largest.parameters()))
        .note("weights, their gradients and the updater's state, before any batch; each trial would fail at once")
        .help("lower the sizes (or their ranges)" + (parallel > 1 ? ", or lower `parallel`" : "")
            + "; for a run on a larger machine, set " + MachineMemory.VARIABLE + " to the memory it has")
        .build());
  }

  /**
   * The smallest network of {@code model}, from {@code input}, with {@code outputUnits} units in an
   * `output` that does not say; empty when a loop is too long to walk.
   */
  private static Optional<SmallestNetwork> smallest(ModelSpec model, Map<String, Distribution> params, Shape input,
      long outputUnits) {
    List<SizedLayer> layers = new ArrayList<>();
    Shape[] shape = {input};
    if (!walk(model.layers(), params, new HashMap<>(), shape, outputUnits, layers)) {
      return Optional.empty();
    }
    long total = 0;
    for (SizedLayer layer : layers) {
      total = saturatedAdd(total, layer.parameters());
    }
    return Optional.of(new SmallestNetwork(List.copyOf(layers), total));
  }

  /** For tests: the smallest network from flat features or an image ({@code image} null for flat). */
  static Optional<SmallestNetwork> smallest(ModelSpec model, List<ParamSpec> params, long features, long[] image,
      long outputUnits) {
    Map<String, Distribution> distributions = new HashMap<>();
    params.forEach(p -> distributions.put(p.name(), p.distribution()));
    Shape input = image == null ? Shape.flat(features) : Shape.image(image[0], image[1], image[2]);
    return smallest(model, distributions, input, outputUnits);
  }

  private static boolean walk(List<LayerItem> items, Map<String, Distribution> params, Map<String, Range> loops,
      Shape[] shape, long outputUnits, List<SizedLayer> out) {
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Repeat repeat) {
        Range from = range(repeat.from(), params, loops);
        Range to = range(repeat.to(), params, loops);
        if (from == null || to == null) {
          return false;
        }
        double count = Math.max(0, to.lo() - from.hi() + 1);
        if (count + out.size() > MAX_LAYERS) {
          return false;
        }
        Map<String, Range> inner = new HashMap<>(loops);
        inner.put(repeat.variable(), new Range(from.lo(), to.hi()));
        for (int i = 0; i < count; i++) {
          if (!walk(repeat.body(), params, inner, shape, outputUnits, out)) {
            return false;
          }
        }
      } else {
        LayerItem.Layer layer = (LayerItem.Layer) item;
        out.add(size(layer, params, loops, shape, outputUnits));
      }
    }
    return true;
  }

  /** The layer at its smallest, and the shape it passes on in {@code shape[0]}. */
  private static SizedLayer size(LayerItem.Layer layer, Map<String, Distribution> params, Map<String, Range> loops,
      Shape[] shape, long outputUnits) {
    Shape in = shape[0];
    Map<String, Object> sizes = new LinkedHashMap<>();
    long parameters = 0;
    switch (layer.kind()) {
      case "dense", "output" -> {
        Value units = layer.arguments().get("units");
        long n = units == null && layer.kind().equals("output") ? outputUnits
            : low(units, params, loops, 1);
        sizes.put("units", n);
        parameters = times(in.flatSize(), n) + n;
        shape[0] = Shape.flat(n);
      }
      case "lstm" -> {
        long n = low(layer.arguments().get("units"), params, loops, 1);
        sizes.put("units", n);
        long features = in.isImage() ? in.width() * in.channels() : in.features();
        long steps = in.isImage() ? in.height() : Math.max(1, in.steps());
        parameters = times(4 * n, features + n + 1);
        shape[0] = Shape.sequence(steps, n);
      }
      case "conv2d" -> {
        long filters = low(layer.arguments().get("filters"), params, loops, 1);
        long kernel = low(layer.arguments().get("kernel"), params, loops, 1);
        long stride = low(layer.arguments().get("stride"), params, loops, 1);
        boolean valid = allows(layer.arguments().get("padding"), "valid", params);
        sizes.put("filters", filters);
        sizes.put("kernel", kernel);
        sizes.put("stride", stride);
        sizes.put("padding", valid ? "valid" : "same");
        long channels = in.isImage() ? in.channels() : 1;
        parameters = times(times(kernel, kernel), times(channels, filters)) + filters;
        long largestKernel = high(layer.arguments().get("kernel"), params, loops, kernel);
        long largestStride = high(layer.arguments().get("stride"), params, loops, stride);
        shape[0] = Shape.image(side(in.height(), largestKernel, largestStride, valid),
            side(in.width(), largestKernel, largestStride, valid), filters);
      }
      case "maxpool", "avgpool" -> {
        long size = low(layer.arguments().get("size"), params, loops, 1);
        Value strideValue = layer.arguments().get("stride");
        long stride = strideValue == null ? size : low(strideValue, params, loops, 1);
        sizes.put("size", size);
        sizes.put("stride", stride);
        long largestSize = high(layer.arguments().get("size"), params, loops, size);
        long largestStride = strideValue == null ? largestSize : high(strideValue, params, loops, stride);
        shape[0] = in.isImage() ? Shape.image(side(in.height(), largestSize, largestStride, true),
            side(in.width(), largestSize, largestStride, true), in.channels()) : in;
      }
      case "batchnorm" -> parameters = 4 * (in.isImage() ? in.channels() : in.features()); // gamma, beta, mean, var
      default -> {
        // dropout: nothing to learn, the shape unchanged
      }
    }
    return new SizedLayer(layer.kind(), sizes, parameters, layer.kindSpan());
  }

  /** An image side after a window: `same` keeps ceil(side / stride), `valid` drops what the kernel overhangs. */
  private static long side(long in, long kernel, long stride, boolean valid) {
    long out = valid ? (in - kernel) / stride + 1 : (in + stride - 1) / stride;
    return Math.max(1, out);
  }

  /** The updater states per weight of the spec's updater, the fewest where a parameter chooses it. */
  private static int updaterStates(Value updater, Map<String, Distribution> params) {
    if (updater == null) {
      return states(Updater.DEFAULT);
    }
    Value callee = updater instanceof Value.Invocation i ? i.callee() : updater;
    if (callee instanceof Value.Symbol s) {
      return states(Updater.of(s.name()));
    }
    if (callee instanceof Value.ParamRef p && params.get(p.name()) instanceof Distribution.Choice c) {
      return c.values().stream().mapToInt(v -> states(Updater.of(String.valueOf(v)))).min().orElse(0);
    }
    return 0;
  }

  /** What DL4J's updater keeps per weight ({@code IUpdater.stateSize}). */
  static int states(Updater updater) {
    return switch (updater) {
      case SGD -> 0;
      case NESTEROVS, RMSPROP, ADAGRAD -> 1;
      case ADAM, ADAMW, ADAMAX, NADAM -> 2;
      case AMSGRAD -> 3;
    };
  }

  /** Whether {@code padding} may be {@code name}: it is, or a parameter may choose it. */
  private static boolean allows(Value padding, String name, Map<String, Distribution> params) {
    if (padding instanceof Value.Symbol s) {
      return s.name().equals(name);
    }
    if (padding instanceof Value.ParamRef p && params.get(p.name()) instanceof Distribution.Choice c) {
      return c.values().contains(name);
    }
    return padding instanceof Value.IfPresent;
  }

  private static long low(Value value, Map<String, Distribution> params, Map<String, Range> loops, long fallback) {
    Range r = value == null ? null : range(value, params, loops);
    return r == null || !(r.lo() >= 1) ? fallback : (long) Math.min(Math.ceil(r.lo()), Integer.MAX_VALUE);
  }

  private static long high(Value value, Map<String, Distribution> params, Map<String, Range> loops, long fallback) {
    Range r = value == null ? null : range(value, params, loops);
    return r == null || !(r.hi() >= fallback) ? fallback : (long) Math.min(Math.floor(r.hi()), Integer.MAX_VALUE);
  }

  /** Interval arithmetic over what a value can be; null for what it cannot follow. */
  private static Range range(Value value, Map<String, Distribution> params, Map<String, Range> loops) {
    if (value instanceof Value.Numeric n) {
      return new Range(n.asDouble(), n.asDouble());
    } else if (value instanceof Value.ParamRef p) {
      return range(params.get(p.name()));
    } else if (value instanceof Value.LayerParamRef l) {
      return range(params.get(l.name()));
    } else if (value instanceof Value.LoopVariable v) {
      return loops.get(v.name());
    } else if (value instanceof Value.IfPresent i) {
      Range a = range(i.value(), params, loops);
      Range b = i.otherwise() == null ? null : range(i.otherwise(), params, loops);
      return a == null || b == null ? null : new Range(Math.min(a.lo(), b.lo()), Math.max(a.hi(), b.hi()));
    } else if (value instanceof Value.Negation n) {
      Range a = range(n.operand(), params, loops);
      return a == null ? null : new Range(-a.hi(), -a.lo());
    } else if (value instanceof Value.Arithmetic a) {
      Range l = range(a.left(), params, loops);
      Range r = range(a.right(), params, loops);
      if (l == null || r == null) {
        return null;
      }
      return switch (a.operator()) {
        case '+' -> new Range(l.lo() + r.lo(), l.hi() + r.hi());
        case '-' -> new Range(l.lo() - r.hi(), l.hi() - r.lo());
        case '*' -> span(l.lo() * r.lo(), l.lo() * r.hi(), l.hi() * r.lo(), l.hi() * r.hi());
        case '/' -> r.lo() > 0 || r.hi() < 0
            ? span(l.lo() / r.lo(), l.lo() / r.hi(), l.hi() / r.lo(), l.hi() / r.hi()) : null;
        default -> null;
      };
    }
    return null;
  }

  private static Range range(Distribution distribution) {
    if (distribution instanceof Distribution.IntRange i) {
      return new Range(i.lo(), i.hi());
    } else if (distribution instanceof Distribution.FloatRange f) {
      return new Range(f.lo(), f.hi());
    } else if (distribution instanceof Distribution.Choice c) {
      double[] numbers = c.values().stream().filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v)
          .doubleValue()).toArray();
      return numbers.length != c.values().size() || numbers.length == 0 ? null
          : new Range(java.util.Arrays.stream(numbers).min().orElseThrow(),
              java.util.Arrays.stream(numbers).max().orElseThrow());
    } else if (distribution instanceof Distribution.Constant k && k.value() instanceof Number n) {
      return new Range(n.doubleValue(), n.doubleValue());
    }
    return null;
  }

  private static Range span(double... values) {
    return new Range(java.util.Arrays.stream(values).min().orElseThrow(),
        java.util.Arrays.stream(values).max().orElseThrow());
  }

  /** a * b, or {@link Long#MAX_VALUE} past it (the sum of such stays below overflow by {@link #saturatedAdd}). */
  private static long times(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
