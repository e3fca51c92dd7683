package dev.hyp.spark;

import dev.hyp.runtime.space.ParamValues;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What a Spark task gets of one trial: its number and parameters (as a plain map: values are
 * Long, Double, String or Boolean), what the pruner knew when it started, and the study's best
 * value then (so that only a trial that may become the best sends its model back).
 *
 * @param bestValue the best value of a complete trial when this one was sent, or null
 */
public record TrialInput(int number, LinkedHashMap<String, Object> params, PrunerSnapshot pruner, Double bestValue)
    implements Serializable {

  public ParamValues paramValues() {
    return ParamValues.of(params);
  }
}
