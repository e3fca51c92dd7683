package dev.hyp.runtime.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The declared parameters in declaration order; conditions may only look at earlier ones. */
public final class SearchSpace {
  private final List<ParamSpec> params;
  private final Map<String, ParamSpec> byName;

  private SearchSpace(List<ParamSpec> params) {
    this.params = List.copyOf(params);
    LinkedHashMap<String, ParamSpec> map = new LinkedHashMap<>();
    params.forEach(p -> map.put(p.name(), p));
    this.byName = Collections.unmodifiableMap(map);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<ParamSpec> params() {
    return params;
  }

  public ParamSpec param(String name) {
    ParamSpec spec = byName.get(name);
    if (spec == null) {
      throw new IllegalArgumentException("no parameter `" + name + "` in the search space");
    }
    return spec;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  public int size() {
    return params.size();
  }

  /** Whether a grid can enumerate this space: no continuous float. */
  public boolean isFinite() {
    return params.stream().allMatch(p -> p.distribution().isFinite());
  }

  /**
   * Builds one trial's parameters: visits each parameter in order, skips those whose condition
   * fails on the values chosen so far, and asks {@code chooser} for the others. Constants are
   * filled in without asking.
   */
  public ParamValues walk(ValueChooser chooser) {
    ParamValues values = ParamValues.empty();
    for (ParamSpec spec : params) {
      if (!spec.existsAfter(values)) {
        continue;
      }
      Object value = spec.distribution() instanceof ConstantDistribution c
          ? c.value()
          : spec.distribution().normalize(chooser.choose(spec, values));
      if (!spec.distribution().contains(value)) {
        throw new IllegalStateException("sampler chose " + value + " for `" + spec.name()
            + "`, outside " + spec.distribution());
      }
      values = values.with(spec.name(), value);
    }
    return values;
  }

  /**
   * Checks that {@code values} is a trial this space could produce: every present parameter is in
   * range, and exactly the parameters whose conditions hold are present.
   */
  public boolean admits(ParamValues values) {
    ParamValues earlier = ParamValues.empty();
    for (ParamSpec spec : params) {
      boolean exists = spec.existsAfter(earlier);
      if (exists != values.has(spec.name())) {
        return false;
      }
      if (exists) {
        Object v = values.get(spec.name());
        if (!spec.distribution().contains(v)) {
          return false;
        }
        earlier = earlier.with(spec.name(), v);
      }
    }
    return earlier.size() == values.size();
  }

  /** One line per parameter, {@code name = distribution [if condition]}, for logs and reports. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (ParamSpec p : params) {
      b.append(p.name()).append(" = ").append(p.distribution());
      if (p.isConditional()) {
        b.append(" if ").append(p.condition().text());
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Supplies the value of one parameter during {@link #walk}. */
  @FunctionalInterface
  public interface ValueChooser {
    Object choose(ParamSpec spec, ParamValues earlier);
  }

  /** Adds parameters in declaration order. */
  public static final class Builder {
    private final List<ParamSpec> params = new ArrayList<>();

    public Builder add(String name, Distribution distribution) {
      return add(name, distribution, null);
    }

    /** A parameter that exists only where {@code condition} holds (null: always). */
    public Builder add(String name, Distribution distribution, ParamCondition condition) {
      Objects.requireNonNull(name);
      if (params.stream().anyMatch(p -> p.name().equals(name))) {
        throw new IllegalArgumentException("duplicate parameter `" + name + "`");
      }
      params.add(new ParamSpec(name, distribution, condition));
      return this;
    }

    /** Shorthand for a constant parameter. */
    public Builder constant(String name, Object value) {
      return add(name, new ConstantDistribution(value));
    }

    /**
     * {@code name[bound] = distribution}: parameters {@code name[1]} .. {@code name[maxBound]},
     * where {@code name[i]} exists only when {@code bound >= i}. {@code bound} is an earlier int
     * parameter or constant and {@code maxBound} its largest possible value.
     */
    public Builder perLayer(String name, String bound, int maxBound, Distribution distribution) {
      return perLayer(name, bound, maxBound, distribution, null);
    }

    /** As {@link #perLayer(String, String, int, Distribution)}, the whole array under a condition. */
    public Builder perLayer(String name, String bound, int maxBound, Distribution distribution,
        ParamCondition condition) {
      if (params.stream().noneMatch(p -> p.name().equals(bound))) {
        throw new IllegalArgumentException("per-layer bound `" + bound + "` must be declared before `" + name + "`");
      }
      for (int i = 1; i <= maxBound; i++) {
        ParamCondition exists = ParamCondition.atLeast(bound, i);
        add(layerName(name, i), distribution, condition == null ? exists : condition.and(exists));
      }
      return this;
    }

    public SearchSpace build() {
      return new SearchSpace(params);
    }
  }

  /** The name of the i-th (1-based) element of a per-layer parameter: {@code units[2]}. */
  public static String layerName(String name, int i) {
    return name + "[" + i + "]";
  }
}
