package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds the layers a model can unroll to in any trial: every trial builds its network layer by
 * layer, so `for j in 1..1000000000` would fill the memory before the first epoch. Loops count
 * with the largest range their ends can make. (The recursion follows the loops' nesting, which
 * the parser bounds.)
 */
final class LayerCount {
  /** Far above real networks (ResNet-1001 has about a thousand layers), far below what fills a heap. */
  static final long MAX_LAYERS = 10_000;

  private final Diagnostics diagnostics;
  private final ParamTable params;

  LayerCount(Diagnostics diagnostics, ParamTable params) {
    this.diagnostics = diagnostics;
    this.params = params;
  }

  /** False after reporting a loop or a model with more than {@link #MAX_LAYERS} layers. */
  boolean check(List<LayerItem> layers, Span model) {
    double total = count(layers, new HashMap<>());
    if (total < 0) {
      return false;
    }
    if (total > MAX_LAYERS) {
      diagnostics.add(tooMany(model, "the model can have " + format(total) + " layers", "too many layers"));
      return false;
    }
    return true;
  }

  /** The most layers the items unroll to, or -1 after reporting a loop that unrolls to too many. */
  private double count(List<LayerItem> items, Map<String, double[]> loops) {
    double total = 0;
    for (LayerItem item : items) {
      if (!(item instanceof LayerItem.Repeat repeat)) {
        total++;
        continue;
      }
      double[] from = range(repeat.from(), loops);
      double[] to = range(repeat.to(), loops);
      Map<String, double[]> inner = new HashMap<>(loops);
      inner.put(repeat.variable(), new double[] {from[0], to[1]});
      double body = count(repeat.body(), inner);
      if (body < 0) {
        return -1;
      }
      double layers = Math.max(0, to[1] - from[0] + 1) * body;
      if (layers > MAX_LAYERS) {
        diagnostics.add(tooMany(repeat.from().span().to(repeat.to().span()), "this loop can repeat "
            + format(to[1] - from[0] + 1) + " times, making " + format(layers) + " layers", "too many repeats"));
        return -1;
      }
      total += layers;
    }
    return total;
  }

  /** The smallest and largest value an integer in a loop's range can have, over every trial. */
  private double[] range(Value value, Map<String, double[]> loops) {
    if (value instanceof Value.Numeric n) {
      return new double[] {n.asDouble(), n.asDouble()};
    }
    if (value instanceof Value.ParamRef p) {
      return new double[] {params.get(p.name()).min, params.get(p.name()).max};
    }
    if (value instanceof Value.LayerParamRef l) {
      return new double[] {params.get(l.name()).min, params.get(l.name()).max};
    }
    if (value instanceof Value.LoopVariable v) {
      return loops.get(v.name());
    }
    if (value instanceof Value.IfPresent i) {
      return range(i.value(), loops);
    }
    if (value instanceof Value.Negation n) {
      double[] operand = range(n.operand(), loops);
      return new double[] {-operand[1], -operand[0]};
    }
    Value.Arithmetic a = (Value.Arithmetic) value; // a loop's ends are integers: no division
    double[] l = range(a.left(), loops);
    double[] r = range(a.right(), loops);
    return switch (a.operator()) {
      case '+' -> new double[] {l[0] + r[0], l[1] + r[1]};
      case '-' -> new double[] {l[0] - r[1], l[1] - r[0]};
      default -> {
        double[] products = {l[0] * r[0], l[0] * r[1], l[1] * r[0], l[1] * r[1]};
        yield new double[] {min(products), max(products)};
      }
    };
  }

  private static Diagnostic tooMany(Span span, String message, String label) {
    return Diagnostic.error(Code.HYP065, span, message)
        .label(label)
        .help("a model may unroll to at most " + MAX_LAYERS + " layers in any trial; narrow the loop's range")
        .build();
  }

  private static String format(double count) {
    return count >= 1e15 ? "more than 10^15" : String.valueOf((long) count);
  }

  private static double min(double[] values) {
    double min = values[0];
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  private static double max(double[] values) {
    double max = values[0];
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
