package dev.hyp.runtime.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code choice(a, b, ...)}: one of the given values. Choices are Long, Double, String or Boolean;
 * symbols such as {@code relu} are Strings.
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

  public CategoricalDistribution {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("choice needs at least one value");
    }
    List<Object> normalized = new ArrayList<>();
    for (Object c : choices) {
      normalized.add(Values.normalize(c));
    }
    if (new HashSet<>(normalized).size() != normalized.size()) {
      throw new IllegalArgumentException("duplicate choice in " + choices);
    }
    choices = List.copyOf(normalized);
  }

  public static CategoricalDistribution of(Object... choices) {
    return new CategoricalDistribution(List.of(choices));
  }

  /** Position of {@code value} among the choices, or -1. */
  public int indexOf(Object value) {
    return choices.indexOf(Values.normalize(value));
  }

  @Override
  public boolean contains(Object value) {
    return choices.contains(value);
  }

  @Override
  public boolean isFinite() {
    return true;
  }

  @Override
  public List<Object> enumerate() {
    return choices;
  }

  @Override
  public long count() {
    return choices.size();
  }

  @Override
  public Object valueAt(long index) {
    return choices.get(Math.toIntExact(index));
  }

  @Override
  public Object normalize(Object value) {
    Object v = Values.normalize(value);
    // JSON cannot tell 1.0 from 1 in every writer; prefer the type the choices use
    if (!choices.contains(v) && v instanceof Number n) {
      for (Object c : choices) {
        if (c instanceof Number cn && cn.doubleValue() == n.doubleValue()) {
          return c;
        }
      }
    }
    return v;
  }
}
