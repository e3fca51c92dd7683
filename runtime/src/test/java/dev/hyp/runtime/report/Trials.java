package dev.hyp.runtime.report;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Hand-made trials for report tests. */
final class Trials {
  private Trials() {}

  static FrozenTrial trial(int number, TrialState state, Double value, Map<String, ?> params, double... curve) {
    TreeMap<Integer, Double> intermediate = new TreeMap<>();
    for (int i = 0; i < curve.length; i++) {
      intermediate.put(i + 1, curve[i]);
    }
    return new FrozenTrial(number, state, ParamValues.of(params), value, state == TrialState.FAILED ? "diverged" : null,
        intermediate, "test", Instant.EPOCH.plusSeconds(number), Instant.EPOCH.plusSeconds(number + 2));
  }

  /** Parameters in the order given, as a trial keeps them. */
  static Map<String, Object> params(Object... namesAndValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return params;
  }

  static FrozenTrial complete(int number, double value, Map<String, ?> params) {
    return trial(number, TrialState.COMPLETE, value, params, value / 2, value);
  }
}
