package dev.hyp.runtime.bench;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamCondition;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/**
 * "mixed": a space shaped like a network's, with every kind of parameter hyp has: a float
 * {@code x} in [-5, 5], a log-scale float {@code lr} in [1e-5, 1], an integer {@code units} in
 * [1, 64], a log-scale integer {@code batch} in [8, 512], a categorical {@code act} of relu, tanh
 * and elu, and {@code momentum} in [0, 1], present only when {@code opt} is nesterovs (opt is adam
 * or nesterovs). The loss, minimal (-1) at x = 1, lr = 1e-3, units = 24, batch = 64, act = elu,
 * opt = nesterovs, momentum = 0.9:
 *
 * <pre>
 *   (x - 1)²/4 + (log10 lr + 3)²/2 · (1 + |x - 1|/5) + ((units - 24)/16)² + (log2 batch - 6)²/4
 *   + {relu: 0.3, tanh: 0.6, elu: 0} + {adam: 0, nesterovs: 4 (momentum - 0.9)² - 1}
 *   + 0.05 (1 - cos 3π(x - 1))
 * </pre>
 *
 * The learning rate's valley widens away from x = 1 (an interaction), adam is a safe 0 while
 * nesterovs is better only with a good momentum (a conditional parameter that matters), and a
 * small ripple in x gives local minima.
 */
final class MixedFunction implements Problem {
  static final MixedFunction INSTANCE = new MixedFunction();
  private static final double RIPPLE = 0.05;

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public double optimum() {
    return -1;
  }

  @Override
  public SearchSpace space(int gridPoints) {
    return SearchSpace.builder()
        .add("x", gridPoints > 0 ? FloatDistribution.stepped(-5, 5, 10.0 / (gridPoints - 1))
            : FloatDistribution.uniform(-5, 5))
        .add("lr", gridPoints > 0 ? FloatDistribution.stepped(1e-5, 1, 0.25) : FloatDistribution.logUniform(1e-5, 1))
        .add("units", IntDistribution.uniform(1, 64))
        .add("batch", IntDistribution.logUniform(8, 512))
        .add("act", CategoricalDistribution.of("relu", "tanh", "elu"))
        .add("opt", CategoricalDistribution.of("adam", "nesterovs"))
        .add("momentum", gridPoints > 0 ? FloatDistribution.stepped(0, 1, 0.25) : FloatDistribution.uniform(0, 1),
            ParamCondition.equalTo("opt", "nesterovs"))
        .build();
  }

  @Override
  public double value(ParamValues p) {
    double x = p.getDouble("x");
    double lr = Math.log10(p.getDouble("lr")) + 3;
    double units = (p.getLong("units") - 24) / 16.0;
    double batch = Math.log(p.getLong("batch")) / Math.log(2) - 6;
    double loss = (x - 1) * (x - 1) / 4 + lr * lr / 2 * (1 + Math.abs(x - 1) / 5) + units * units + batch * batch / 4;
    loss += switch (p.getString("act")) {
      case "relu" -> 0.3;
      case "tanh" -> 0.6;
      default -> 0;
    };
    if (p.getString("opt").equals("nesterovs")) {
      double m = p.getDouble("momentum") - 0.9;
      loss += 4 * m * m - 1;
    }
    return loss + RIPPLE * (1 - Math.cos(3 * Math.PI * (x - 1)));
  }
}
