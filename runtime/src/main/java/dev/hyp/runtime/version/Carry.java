package dev.hyp.runtime.version;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which earlier trials a new version of the search keeps: a finished trial carries over when the
 * new spec, given its values, would build the same network and training run. Its values move
 * through the edit's slots (a value that became a parameter gives that parameter its value; a
 * parameter that became a value must have had it), and then every parameter of the new space
 * that exists under its conditions must have a value inside its new distribution.
 */
public final class Carry {
  private final Edit edit;
  private final SearchSpace space;

  public Carry(Edit edit, SearchSpace space) {
    this.edit = edit;
    this.space = space;
  }

  /** The trial's values as the new version names them, or empty when it is not a point of the new space. */
  public Optional<ParamValues> of(FrozenTrial trial) {
    if (edit.kind() == Edit.Kind.MEANING || !carriesAtAll(trial)) {
      return Optional.empty();
    }
    Map<String, Object> earlier = trial.params().asMap();
    Map<String, Object> values = new HashMap<>(earlier);
    Map<String, Object> assigned = new HashMap<>();
    for (Edit.Slot slot : edit.slots()) {
      Object before = EditComparison.isParam(slot.before())
          ? earlier.get(slot.before().get("param").asText()) : literal(slot.before());
      if (before == null) {
        return Optional.empty(); // the parameter did not exist in that trial
      }
      if (EditComparison.isParam(slot.now())) {
        String name = slot.now().get("param").asText();
        Object previous = assigned.putIfAbsent(name, before);
        if (previous != null && !same(previous, before)) {
          return Optional.empty();
        }
        values.put(name, before);
      } else if (!same(before, literal(slot.now()))) {
        return Optional.empty();
      }
    }
    try {
      ParamValues carried = space.walk((spec, so) -> {
        Object value = values.get(spec.name());
        if (value == null) {
          throw new NotAPoint();
        }
        return value;
      });
      // a constant is filled in by the walk: the earlier trial must have had the same value
      for (var spec : space.params()) {
        if (spec.distribution() instanceof ConstantDistribution c && carried.has(spec.name())
            && values.containsKey(spec.name()) && !same(values.get(spec.name()), c.value())) {
          return Optional.empty();
        }
      }
      return space.admits(carried) ? Optional.of(carried) : Optional.empty();
    } catch (NotAPoint | IllegalStateException outside) {
      return Optional.empty();
    }
  }

  /** Complete and pruned trials carry (a pruned one teaches the pruner); failed and running ones do not. */
  private static boolean carriesAtAll(FrozenTrial trial) {
    return trial.state() == TrialState.COMPLETE || trial.state() == TrialState.PRUNED;
  }

  /** The value a slot holds, as a trial's parameter would: numbers as Long or Double, names as strings. */
  static Object literal(JsonNode node) {
    String kind = node.fieldNames().next();
    JsonNode value = node.get(kind);
    return switch (kind) {
      case "int" -> value.asLong();
      case "number" -> value.asDouble();
      case "bool" -> value.asBoolean();
      default -> value.asText();
    };
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(String.valueOf(a), String.valueOf(b));
  }

  private static final class NotAPoint extends RuntimeException {
    NotAPoint() {
      super(null, null, false, false);
    }
  }
}
