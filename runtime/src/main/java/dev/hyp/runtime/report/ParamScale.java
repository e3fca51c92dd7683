package dev.hyp.runtime.report;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * How the spec declared a parameter, kept in the run folder (run.json) so that a report draws it
 * as declared rather than as its sampled values suggest: a {@code loguniform} on a log axis
 * however narrow its range, a {@code choice} with its choices in the order written.
 *
 * @param scale {@code linear}, {@code log} or {@code categorical}
 * @param choices a choice's values in declaration order; empty otherwise
 */
public record ParamScale(String name, String scale, List<Object> choices) {
  public static final String LINEAR = "linear";
  public static final String LOG = "log";
  public static final String CATEGORICAL = "categorical";

  public ParamScale {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  /** The searched parameters of a space (constants have nothing to draw). */
  public static List<ParamScale> of(SearchSpace space) {
    List<ParamScale> scales = new ArrayList<>();
    for (ParamSpec param : space.params()) {
      if (param.distribution() instanceof FloatDistribution d) {
        scales.add(new ParamScale(param.name(), d.log() ? LOG : LINEAR, List.of()));
      } else if (param.distribution() instanceof IntDistribution d) {
        scales.add(new ParamScale(param.name(), d.log() ? LOG : LINEAR, List.of()));
      } else if (param.distribution() instanceof CategoricalDistribution d) {
        scales.add(new ParamScale(param.name(), CATEGORICAL, d.choices()));
      }
    }
    return scales;
  }

  /** The choices as a categorical distribution normalizes them (JSON reads 16 back as an Integer). */
  List<Object> normalizedChoices() {
    return choices.isEmpty() ? List.of() : new CategoricalDistribution(choices).choices();
  }
}
