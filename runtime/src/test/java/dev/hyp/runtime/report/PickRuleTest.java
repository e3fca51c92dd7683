package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PickRuleTest {
  private static final List<ObjectiveName> OBJECTIVES = List.of(
      new ObjectiveName("accuracy", "validation", Direction.MAXIMIZE), new ObjectiveName("params", null, Direction.MINIMIZE));
  private static final List<FrozenTrial> FRONT = List.of(trial(0, 0.97, 900), trial(1, 0.965, 300), trial(2, 0.90, 60));

  private static FrozenTrial trial(int number, double accuracy, double params) {
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(Map.of()), accuracy, null, new TreeMap<>(), "p",
        Instant.EPOCH, Instant.EPOCH, null, List.of(accuracy, params), 0.0);
  }

  private static int pick(String rule) {
    return PickRule.parse(rule, OBJECTIVES).pick(FRONT, OBJECTIVES).orElseThrow().number();
  }

  @Test
  void theSmallestNetworkWithinAMarginOfTheBestAccuracy() {
    assertEquals(1, pick("min params where accuracy >= best - 0.01"));
    assertEquals(2, pick("min params"));
    assertEquals(0, pick("max accuracy"));
    assertEquals(1, pick("max accuracy where params <= 500 and params > 100"));
    assertEquals(0, PickRule.firstObjective(OBJECTIVES).pick(FRONT, OBJECTIVES).orElseThrow().number());
    assertTrue(PickRule.parse("min params where accuracy >= 0.99", OBJECTIVES).pick(FRONT, OBJECTIVES).isEmpty());
  }

  @Test
  void aRuleThatDoesNotParseSaysWhyInOneLine() {
    assertEquals("`size` is not an objective; the objectives are `accuracy`, `params`",
        assertThrows(IllegalArgumentException.class, () -> PickRule.parse("min size", OBJECTIVES)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> PickRule.parse("smallest params", OBJECTIVES));
    assertThrows(IllegalArgumentException.class, () -> PickRule.parse("min params where accuracy =< 1", OBJECTIVES));
    assertThrows(IllegalArgumentException.class, () -> PickRule.parse("min params where accuracy >=", OBJECTIVES));
    assertThrows(IllegalArgumentException.class, () -> PickRule.parse("min params where accuracy >= x", OBJECTIVES));
  }
}
