package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a parameter is drawn and modelled: numbers on a linear or log axis, anything else as
 * categories. As the spec declared it when the run folder kept that ({@link ParamScale}): a
 * {@code loguniform} on a log axis, a choice's categories in the order written; otherwise
 * inferred from the values its trials took (a log axis for positive numbers spanning 100x or
 * more, categories in the order first seen).
 *
 * @param categories the values in order for a categorical parameter, else empty
 * @param distinct how many different values the trials took
 * @param always whether every trial has it (a conditional or per-layer parameter may not)
 */
public record ParameterAxis(String name, boolean numeric, boolean log, List<Object> categories, int distinct,
    boolean always) {
  /** Numbers spanning this factor or more, all positive, are shown on a log axis (e.g. a loguniform learning rate). */
  static final double LOG_SPAN = 100;

  /** Every parameter's axis, inferred from the trials' values alone. */
  public static List<ParameterAxis> of(List<FrozenTrial> trials) {
    return of(trials, List.of());
  }

  /** Every parameter's axis: as declared where {@code scales} has it, else inferred. */
  public static List<ParameterAxis> of(List<FrozenTrial> trials, List<ParamScale> scales) {
    Map<String, ParamScale> declared = new HashMap<>();
    scales.forEach(s -> declared.put(s.name(), s));
    List<ParameterAxis> axes = new ArrayList<>();
    for (String name : ParameterNames.of(trials)) {
      Set<Object> values = new LinkedHashSet<>();
      trials.stream().filter(t -> t.params().has(name)).forEach(t -> values.add(t.params().get(name)));
      boolean always = trials.stream().allMatch(t -> t.params().has(name));
      axes.add(axis(name, values, always, declared.get(name)));
    }
    return axes;
  }

  private static ParameterAxis axis(String name, Set<Object> values, boolean always, ParamScale declared) {
    boolean numeric = values.stream().allMatch(v -> v instanceof Number);
    if (declared != null && numeric && !declared.scale().equals(ParamScale.CATEGORICAL)) {
      return new ParameterAxis(name, true, declared.scale().equals(ParamScale.LOG), List.of(), values.size(), always);
    }
    if (declared != null && declared.scale().equals(ParamScale.CATEGORICAL)) {
      List<Object> choices = declared.normalizedChoices();
      if (choices.containsAll(values)) {
        return choices.stream().allMatch(c -> c instanceof Number)
            ? new ParameterAxis(name, true, spansLog(choices), List.of(), values.size(), always)
            : new ParameterAxis(name, false, false, choices, values.size(), always);
      }
    }
    return numeric
        ? new ParameterAxis(name, true, spansLog(values), List.of(), values.size(), always)
        : new ParameterAxis(name, false, false, List.copyOf(values), values.size(), always);
  }

  private static boolean spansLog(Collection<Object> numbers) {
    double min = numbers.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElse(0);
    double max = numbers.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
    return min > 0 && max / min >= LOG_SPAN;
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
