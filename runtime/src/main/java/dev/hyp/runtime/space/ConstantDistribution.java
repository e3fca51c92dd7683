package dev.hyp.runtime.space;

import java.util.List;

/** {@code name = 3}: a fixed value, kept in the space so a one-line edit turns it into a search. */
public record ConstantDistribution(Object value) implements Distribution {

  public ConstantDistribution {
    value = Values.normalize(value);
  }

  @Override
  public boolean contains(Object v) {
    return value.equals(v);
  }

  @Override
  public boolean isFinite() {
    return true;
  }

  @Override
  public List<Object> enumerate() {
    return List.of(value);
  }

  @Override
  public long count() {
    return 1;
  }

  @Override
  public Object valueAt(long index) {
    return value;
  }

  @Override
  public Object normalize(Object v) {
    Object n = Values.normalize(v);
    return n instanceof Number num && value instanceof Number c && num.doubleValue() == c.doubleValue() ? value : n;
  }
}
