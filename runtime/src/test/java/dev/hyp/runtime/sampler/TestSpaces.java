package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamCondition;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/** The iris example's space from language.md, plus the value types it leaves out. */
final class TestSpaces {
  private TestSpaces() {}

  /**
   * @param finite replace continuous floats by stepped ones and shrink the choices, so a grid can
   *     run all of it (336 points) within a test
   */
  static SearchSpace iris(boolean finite) {
    return SearchSpace.builder()
        .add("lr", finite ? FloatDistribution.stepped(0.001, 0.0015, 0.001) : FloatDistribution.logUniform(1e-4, 1e-1))
        .add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, finite ? CategoricalDistribution.of(16, 64) : CategoricalDistribution.of(16, 32, 64, 128))
        .add("act", finite ? CategoricalDistribution.of("relu", "tanh") : CategoricalDistribution.of("relu", "tanh", "elu"))
        .add("dropout", FloatDistribution.stepped(0.0, finite ? 0.01 : 0.5, 0.05))
        .add("batch", finite ? IntDistribution.stepped(16, 64, 48) : IntDistribution.logUniform(16, 128))
        .add("opt", CategoricalDistribution.of("adam", "nesterovs"))
        .add("momentum", finite ? FloatDistribution.stepped(0.5, 0.9, 0.4) : FloatDistribution.uniform(0.5, 0.99),
            ParamCondition.equalTo("opt", "nesterovs"))
        .constant("l2", 1e-4)
        .add("bias", finite ? CategoricalDistribution.of(true, 0.5) : CategoricalDistribution.of(true, false, 0.5))
        .build();
  }

  /** A smooth objective to minimize on {@link #iris}, so model-based samplers have signal. */
  static double irisLoss(ParamValues p) {
    double loss = Math.pow(Math.log10(p.getDouble("lr")) + 2.5, 2);
    loss += Math.pow(p.getLong("depth") - 2, 2);
    for (int i = 1; i <= p.getLong("depth"); i++) {
      loss += Math.abs(Math.log(p.getLong("units[" + i + "]") / 64.0)) * 0.2;
    }
    loss += p.getString("act").equals("relu") ? 0 : 0.5;
    loss += p.getDouble("dropout");
    loss += Math.abs(Math.log(p.getLong("batch") / 32.0)) * 0.3;
    loss += p.has("momentum") ? Math.pow(p.getDouble("momentum") - 0.9, 2) : 0.3;
    loss += p.get("bias").equals(true) ? 0 : 0.1;
    return loss;
  }
}
