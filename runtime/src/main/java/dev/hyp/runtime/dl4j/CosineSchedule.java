package dev.hyp.runtime.dl4j;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * `lr_schedule = cosine()`: the rate in epoch e (from 0) is {@code initial * (1 + cos(pi * e / epochs)) / 2},
 * so it starts at the initial rate and approaches zero in the last epoch.
 */
public final class CosineSchedule implements ISchedule {
  private static final long serialVersionUID = 1L;

  private final double initialValue;
  private final int epochs;

  public CosineSchedule(@JsonProperty("initialValue") double initialValue, @JsonProperty("epochs") int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs < 1");
    }
    this.initialValue = initialValue;
    this.epochs = epochs;
  }

  public double getInitialValue() {
    return initialValue;
  }

  public int getEpochs() {
    return epochs;
  }

  @Override
  public double valueAt(int iteration, int epoch) {
    return initialValue * 0.5 * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / epochs));
  }

  @Override
  public ISchedule clone() {
    return new CosineSchedule(initialValue, epochs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosineSchedule c && c.initialValue == initialValue && c.epochs == epochs;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(initialValue) * 31 + epochs;
  }
}
