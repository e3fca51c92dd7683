package dev.hyp.compiler.model;

/** Epochs, batch size, early stopping (null: none) and learning-rate schedule (null: constant). */
public record TrainSpec(Value epochs, Value batch, EarlyStopping earlyStopping, Schedule schedule) {

  public record EarlyStopping(long patience, double minDelta) {}

  public sealed interface Schedule {}

  /** Multiply the learning rate by {@code factor} every {@code every} epochs. */
  public record StepSchedule(long every, double factor) implements Schedule {}

  /** Cosine annealing from the initial rate to zero over the epochs. */
  public record CosineSchedule() implements Schedule {}
}
