package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.Distribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;

/**
 * Maps a number u in [0, 1) to a value of a distribution so that a uniform u gives the
 * distribution's own prior: uniform on the (log) range, or on the steps, or on the choices.
 */
final class UnitMapping {
  private UnitMapping() {}

  static Object fromUnit(Distribution distribution, double u) {
    if (distribution instanceof FloatDistribution f) {
      return fromUnit(f, u);
    }
    if (distribution instanceof IntDistribution i) {
      return fromUnit(i, u);
    }
    if (distribution instanceof CategoricalDistribution c) {
      return c.choices().get(index(u, c.choices().size()));
    }
    return ((ConstantDistribution) distribution).value();
  }

  private static double fromUnit(FloatDistribution f, double u) {
    if (f.step() != null) {
      return f.stepValue(index(u, f.stepCount()));
    }
    double x = f.log()
        ? Math.exp(Math.log(f.lo()) + u * (Math.log(f.hi()) - Math.log(f.lo())))
        : f.lo() + u * (f.hi() - f.lo());
    return Math.max(f.lo(), Math.min(f.hi(), x));
  }

  private static long fromUnit(IntDistribution i, double u) {
    if (i.log()) {
      // each integer owns the log-interval around it, as Optuna's log int does
      double lo = Math.log(i.lo() - 0.5 <= 0 ? i.lo() * 0.5 : i.lo() - 0.5);
      double hi = Math.log(i.hi() + 0.5);
      return i.snap(Math.exp(lo + u * (hi - lo)));
    }
    long count = (i.top() - i.lo()) / i.step() + 1;
    return i.lo() + index(u, count) * i.step();
  }

  private static int index(double u, long count) {
    return (int) Math.min(count - 1, (long) Math.floor(u * count));
  }
}
