package dev.hyp.runtime.space;

import java.util.Objects;

/**
 * One declared parameter.
 *
 * @param condition null when the parameter always exists
 */
public record ParamSpec(String name, Distribution distribution, ParamCondition condition) {

  public ParamSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(distribution);
  }

  /** Whether this parameter exists given the parameters sampled before it. */
  public boolean existsAfter(ParamValues earlier) {
    if (condition == null) {
      return true;
    }
    try {
      return condition.test(earlier);
    } catch (ParamValues.MissingParamException e) {
      return false;
    }
  }

  public boolean isConditional() {
    return condition != null;
  }
}
