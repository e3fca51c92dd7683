package dev.hyp.runtime.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiObjectiveStudyTest {
  private static final SearchSpace SPACE = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();

  @Test
  void aStudyKeepsEveryObjectiveAndRecordsRejectedTrialsPrunedWithTheirReason() {
    Study study = Study.builder("two", SPACE)
        .objectives(new Objectives(List.of(Direction.MINIMIZE, Direction.MINIMIZE)))
        .sampler(Samplers.create("random", Map.of(), 0)).open();
    assertEquals(Direction.MINIMIZE, study.direction());
    study.optimize(new Objective() {
      @Override
      public double evaluate(Trial trial) {
        throw new AssertionError("outcome is called");
      }

      @Override
      public Outcome outcome(Trial trial) {
        double x = trial.params().getDouble("x");
        return x > 0.5 ? Outcome.rejected(List.of(Double.NaN, x), (x - 0.5) / 0.5, "x too large")
            : Outcome.of(List.of(x, 1 - x), 0, null);
      }
    }, StudyOptions.trials(20));
    for (FrozenTrial t : study.trials()) {
      double x = t.params().getDouble("x");
      if (x > 0.5) {
        assertEquals(TrialState.PRUNED, t.state());
        assertFalse(t.isFeasible());
        assertEquals("x too large", t.reason());
      } else {
        assertEquals(TrialState.COMPLETE, t.state());
        assertEquals(List.of(x, 1 - x), t.values());
        assertTrue(t.isFeasible());
      }
    }
    assertEquals(study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count(),
        study.objectives().front(study.trials()).size(), "x against 1 - x: every feasible trial is on the front");
  }
}
