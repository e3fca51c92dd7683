package dev.hyp.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.study.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialMeasuresTest {
  private static final ExperimentDefinition SMALL = ExperimentDefinition.builder("small")
      .spec("", "h")
      .task(Task.CLASSIFICATION)
      .source("data.csv", "y", true, ",")
      .split(new Split.Holdout(0.2, 0.0))
      .maximize("accuracy", "validation")
      .minimize("params", null)
      .constraint("params", null, true, 20000)
      .constraint("accuracy", "validation", false, 0.8)
      .build();

  private static TrainResult trained(double accuracy, long millis) {
    return new TrainResult(Map.of("accuracy", accuracy), Map.of(), 3, 3, millis, null, null, false, new double[0]);
  }

  @Test
  void theDefinitionKeepsEveryObjectiveInOrderTheFirstStayingTheObjective() {
    assertEquals("accuracy", SMALL.objective().metric());
    assertEquals(List.of("accuracy", "params"), SMALL.objectives().stream().map(o -> o.metric()).toList());
    assertTrue(SMALL.isMultiObjective());
    assertEquals(2, SMALL.constraints().size());
  }

  @Test
  void aNetworkOverTheParamsBoundIsRejectedBeforeTrainingWithItsSizeAndWhy() {
    TrialMeasures measures = new TrialMeasures(SMALL);
    assertEquals(Optional.empty(), measures.beforeTraining(20000));
    Outcome rejected = measures.beforeTraining(30000).orElseThrow();
    assertFalse(rejected.trained());
    assertTrue(Double.isNaN(rejected.values().get(0)), "accuracy was never measured");
    assertEquals(30000.0, rejected.values().get(1));
    assertEquals(0.5, rejected.violation(), 1e-12);
    assertEquals("infeasible before training: params 30000 > 20000", rejected.reason());
  }

  @Test
  void aTrainedTrialIsMeasuredAndJudgedOnEveryBound() {
    TrialMeasures measures = new TrialMeasures(SMALL);
    Outcome good = measures.afterTraining(trained(0.9, 1500), 12000, () -> {
      throw new AssertionError("latency is timed only when named");
    });
    assertEquals(List.of(0.9, 12000.0), good.values());
    assertEquals(0, good.violation());
    assertNull(good.reason());
    Outcome poor = measures.afterTraining(trained(0.6, 1500), 12000, () -> 1.0);
    assertEquals(0.25, poor.violation(), 1e-12);
    assertEquals("infeasible: accuracy 0.6 < 0.8", poor.reason());
  }
}
