package dev.hyp.spark;

import dev.hyp.runtime.pruner.Pruner;
import dev.hyp.runtime.pruner.Pruners;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The study's pruner and the learning curves of its other trials as they stood when a trial was
 * sent to Spark. The task asks the study's own pruner (rebuilt from its name and options) after
 * each epoch, judging its curve against these: a task cannot ask the driver each epoch cheaply,
 * so what the pruner sees is at most one trial's duration old. See docs/spark.md for what that
 * means for each pruner.
 */
public record PrunerSnapshot(String name, LinkedHashMap<String, Object> options, Direction direction,
    List<Curve> others) implements Serializable {

  /** One other trial: its state and its value per step. */
  public record Curve(int number, TrialState state, TreeMap<Integer, Double> values) implements Serializable {}

  /** A snapshot that never prunes. */
  public static PrunerSnapshot none(Direction direction) {
    return new PrunerSnapshot("none", new LinkedHashMap<>(), direction, List.of());
  }

  public static PrunerSnapshot of(String name, java.util.Map<String, Object> options, Direction direction,
      List<FrozenTrial> trials, int except) {
    List<Curve> curves = new ArrayList<>();
    if (!name.equals("none")) {
      for (FrozenTrial t : trials) {
        if (t.number() != except && !t.intermediate().isEmpty()) {
          curves.add(new Curve(t.number(), t.state(), new TreeMap<>(t.intermediate())));
        }
      }
    }
    return new PrunerSnapshot(name, new LinkedHashMap<>(options), direction, List.copyOf(curves));
  }

  /** Judges a running trial's curve so far, as the study's pruner would have on the driver. */
  public Judge judge() {
    Pruner pruner = Pruners.create(name, options);
    List<FrozenTrial> trials = new ArrayList<>();
    for (Curve c : others) {
      trials.add(frozen(c.number(), c.state(), c.values()));
    }
    return (number, own) -> {
      if (name.equals("none")) {
        return false;
      }
      return pruner.shouldPrune(frozen(number, TrialState.RUNNING, own), trials, direction);
    };
  }

  /** Judges one trial's curve. */
  @FunctionalInterface
  public interface Judge {
    boolean shouldPrune(int number, NavigableMap<Integer, Double> curve);
  }

  private static FrozenTrial frozen(int number, TrialState state, NavigableMap<Integer, Double> values) {
    return new FrozenTrial(number, state, ParamValues.empty(), null, null, values, "spark", Instant.EPOCH,
        state.isFinished() ? Instant.EPOCH : null);
  }
}
