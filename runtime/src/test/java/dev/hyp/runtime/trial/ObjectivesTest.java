package dev.hyp.runtime.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ObjectivesTest {
  private static final Objectives ACCURACY_AND_SIZE = new Objectives(List.of(Direction.MAXIMIZE, Direction.MINIMIZE));

  private static FrozenTrial trial(int number, double accuracy, double params, Double violation) {
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(Map.of()), accuracy, null, new TreeMap<>(),
        "p", Instant.EPOCH, Instant.EPOCH, null, List.of(accuracy, params), violation);
  }

  @Test
  void theFrontKeepsTheFeasibleTrialsNoOtherDominates() {
    List<FrozenTrial> trials = List.of(
        trial(0, 0.90, 5000, 0.0),
        trial(1, 0.95, 9000, 0.0),
        trial(2, 0.89, 6000, 0.0), // worse than 0 in both
        trial(3, 0.99, 4000, 0.5), // would dominate all, but infeasible
        trial(4, 0.80, 1000, null));
    assertEquals(List.of(0, 1, 4), ACCURACY_AND_SIZE.front(trials).stream().map(FrozenTrial::number).toList());
  }

  @Test
  void aFeasibleTrialAlwaysBeatsAnInfeasibleOneAndTheSmallerViolationWins() {
    FrozenTrial poorButFeasible = trial(0, 0.1, 1e6, 0.0);
    FrozenTrial great = trial(1, 0.99, 10, 0.01);
    FrozenTrial worse = trial(2, 0.99, 10, 0.5);
    assertTrue(ACCURACY_AND_SIZE.dominates(poorButFeasible, great));
    assertFalse(ACCURACY_AND_SIZE.dominates(great, poorButFeasible));
    assertTrue(ACCURACY_AND_SIZE.dominates(great, worse));
  }

  @Test
  void hypervolumeInTwoDimensionsIsTheStaircaseArea() {
    List<double[]> points = List.of(new double[] {0, 2}, new double[] {1, 1}, new double[] {2, 0},
        new double[] {1.5, 1.5}); // the last is dominated
    assertEquals(3 + 2 + 1, Hypervolume.of(points, new double[] {3, 3}), 1e-12);
    assertEquals(0, Hypervolume.of(List.of(new double[] {3, 1}), new double[] {3, 3}), "on the reference: nothing");
  }

  @Test
  void hypervolumeInThreeAndFourDimensionsMatchesInclusionExclusion() {
    double[] a = {0, 1, 1};
    double[] b = {1, 0, 1};
    double[] r = {2, 2, 2};
    // |A| = 2*1*1, |B| = 1*2*1, |A and B| = 1*1*1
    assertEquals(3, Hypervolume.of(List.of(a, b), r), 1e-12);
    assertEquals(16 - 0, Hypervolume.of(List.of(new double[] {0, 0, 0, 0}), new double[] {2, 2, 2, 2}), 1e-12);
    double[] c = {1, 1, 1, 0};
    double[] d = {0, 1, 1, 1};
    // 1*1*1*2 + 2*1*1*1 - 1*1*1*1
    assertEquals(3, Hypervolume.of(List.of(c, d), new double[] {2, 2, 2, 2}), 1e-12);
  }

  @Test
  void aConstraintSaysHowFarItIsMissedRelativeToItsBound() {
    Constraint small = new Constraint("params", null, true, 20000);
    assertEquals(0, small.violation(20000));
    assertEquals(0.5, small.violation(30000), 1e-12);
    assertEquals("params 30000 > 20000", small.reason(30000));
    assertEquals("accuracy on validation >= 0.8", new Constraint("accuracy", "validation", false, 0.8).text());
  }
}
