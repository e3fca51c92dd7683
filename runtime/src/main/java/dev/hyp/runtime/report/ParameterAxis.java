package dev.hyp.runtime.report;

import dev.hyp.runtime.study.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a parameter is drawn and modelled, inferred from the values its trials took (a run folder
 * keeps values, not the spec's distributions): numbers on a linear or log axis, anything else as
 * categories in the order first seen.
 *
 * @param categories the values in order for a categorical parameter, else empty
 * @param distinct how many different values the trials took
 * @param always whether every trial has it (a conditional or per-layer parameter may not)
 */
public record ParameterAxis(String name, boolean numeric, boolean log, List<Object> categories, int distinct,
    boolean always) {
  /** Numbers spanning this factor or more, all positive, are shown on a log axis (e.g. a loguniform learning rate). */
  static final double LOG_SPAN = 100;

  public static List<ParameterAxis> of(List<FrozenTrial> trials) {
    List<ParameterAxis> axes = new ArrayList<>();
    for (String name : ParameterNames.of(trials)) {
      Set<Object> values = new LinkedHashSet<>();
      trials.stream().filter(t -> t.params().has(name)).forEach(t -> values.add(t.params().get(name)));
      boolean always = trials.stream().allMatch(t -> t.params().has(name));
      boolean numeric = values.stream().allMatch(v -> v instanceof Number);
      if (numeric) {
        double min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
        double max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
        axes.add(new ParameterAxis(name, true, min > 0 && max / min >= LOG_SPAN, List.of(), values.size(), always));
      } else {
        axes.add(new ParameterAxis(name, false, false, List.copyOf(values), values.size(), always));
      }
    }
    return axes;
  }

  /** Whether the search varied it: a constant (one value in every trial) has nothing to plot or rate. */
  public boolean varies() {
    return distinct > 1 || !always;
  }

  /** The value as a coordinate for the importance model: log10 on a log axis, the index of a category. */
  double coordinate(Object value) {
    if (numeric) {
      double x = ((Number) value).doubleValue();
      return log ? Math.log10(x) : x;
    }
    return categories.indexOf(value);
  }
}
