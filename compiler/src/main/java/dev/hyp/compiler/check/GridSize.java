package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the distinct trials of a finite space, honouring conditions and per-layer bounds
 * (so `momentum ... if opt == nesterovs` adds points only under `nesterovs`).
 */
final class GridSize {
  private final List<ParamSpec> params;
  private final long limit;
  private long count;

  private GridSize(List<ParamSpec> params, long limit) {
    this.params = params;
    this.limit = limit;
  }

  /** The number of points, or -1 when there are more than {@code limit}. */
  static long count(List<ParamSpec> params, long limit) {
    if (upperBound(params) <= limit) {
      return exactCount(params, limit);
    }
    return -1;
  }

  /**
   * The product of every parameter's number of values (each layer counted): conditions only
   * remove points, so a grid is at most this large. Saturates instead of overflowing.
   */
  private static long upperBound(List<ParamSpec> params) {
    long product = 1;
    for (ParamSpec param : params) {
      long values = param.distribution().cardinality() + (param.condition() != null || param.isPerLayer() ? 1 : 0);
      for (int layer = 0; layer < Math.max(1, param.maxLayers()); layer++) {
        if (values != 0 && product > Long.MAX_VALUE / values) {
          return Long.MAX_VALUE;
        }
        product *= values;
      }
    }
    return product;
  }

  private static long exactCount(List<ParamSpec> params, long limit) {
    GridSize grid = new GridSize(params, limit);
    grid.walk(0, 1, new HashMap<>());
    return grid.count > limit ? -1 : grid.count;
  }

  private void walk(int param, int layer, Map<String, Object> assigned) {
    if (count > limit) {
      return;
    }
    if (param == params.size()) {
      count++;
      return;
    }
    ParamSpec spec = params.get(param);
    boolean exists = spec.condition() == null || Boolean.TRUE.equals(Conditions.evaluate(spec.condition(), assigned));
    if (spec.isPerLayer()) {
      long bound = spec.layerBound() == null ? spec.maxLayers() : ((Number) assigned.get(spec.layerBound())).longValue();
      exists &= layer <= bound;
    }
    if (!exists) {
      walk(param + 1, 1, assigned);
      return;
    }
    String key = spec.isPerLayer() ? spec.name() + "[" + layer + "]" : spec.name();
    for (Object value : values(spec.distribution())) {
      assigned.put(key, value);
      if (spec.isPerLayer() && layer < spec.maxLayers()) {
        walk(param, layer + 1, assigned);
      } else {
        walk(param + 1, 1, assigned);
      }
      assigned.remove(key);
      if (count > limit) {
        return;
      }
    }
  }

  static List<Object> values(Distribution distribution) {
    List<Object> values = new ArrayList<>();
    if (distribution instanceof Distribution.FloatRange f) {
      long steps = Math.round((f.hi() - f.lo()) / f.step());
      for (long i = 0; i <= steps; i++) {
        values.add(f.lo() + i * f.step());
      }
    } else if (distribution instanceof Distribution.IntRange r) {
      long step = r.step() == null ? 1 : r.step();
      for (long v = r.lo(); v <= r.hi(); v += step) {
        values.add(v);
      }
    } else if (distribution instanceof Distribution.Choice c) {
      values.addAll(c.values());
    } else {
      values.add(((Distribution.Constant) distribution).value());
    }
    return values;
  }
}
