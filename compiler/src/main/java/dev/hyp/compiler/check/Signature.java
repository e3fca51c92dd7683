package dev.hyp.compiler.check;

import java.util.List;
import java.util.Optional;

/** The arguments a builtin function, layer or updater takes, in positional order. */
record Signature(String name, List<Parameter> parameters) {

  static Signature of(String name, Parameter... parameters) {
    return new Signature(name, List.of(parameters));
  }

  Optional<Parameter> parameter(String argument) {
    return parameters.stream().filter(p -> p.name().equals(argument)).findFirst();
  }

  boolean accepts(String argument) {
    return parameter(argument).isPresent();
  }

  /**
   * One argument. {@code defaultValue} is null for a required argument (or an optional one
   * whose default the trainer derives, marked by {@code optional}); min/max bound numbers.
   */
  record Parameter(String name, Type type, boolean required, Object defaultValue, Double min, Double max,
      boolean minExclusive) {

    /** The generated code and the runtime hold whole numbers as ints (sizes, counts, budgets) unless said otherwise. */
    static final double INT_MAX = Integer.MAX_VALUE;

    Parameter {
      if (type == Type.INT && max == null) {
        max = INT_MAX;
      }
    }

    static Parameter required(String name, Type type) {
      return new Parameter(name, type, true, null, null, null, false);
    }

    static Parameter optional(String name, Type type, Object defaultValue) {
      return new Parameter(name, type, false, defaultValue, null, null, false);
    }

    Parameter atLeast(double min) {
      return new Parameter(name, type, required, defaultValue, min, max, false);
    }

    Parameter above(double min) {
      return new Parameter(name, type, required, defaultValue, min, max, true);
    }

    Parameter atMost(double max) {
      return new Parameter(name, type, required, defaultValue, min, max, minExclusive);
    }

    /** The same parameter with no bounds: for parts of an expression, which only the whole must fit. */
    Parameter withoutRange() {
      return new Parameter(name, type, required, defaultValue, null, type == Type.INT ? Double.POSITIVE_INFINITY : null, false);
    }

    /** Null when the value is allowed, otherwise the allowed range in words. */
    String rangeProblem(double value) {
      boolean low = min != null && (minExclusive ? value <= min : value < min);
      boolean high = max != null && value > max;
      if (!low && !high) {
        return null;
      }
      String lower = min == null ? "" : (minExclusive ? "greater than " : "at least ") + Builtins.format(min);
      String upper = max == null ? "" : "at most " + Builtins.format(max);
      return lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
    }
  }
}
