package dev.hyp.runtime.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.BestTrialOrder.Standing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BestTrialOrderTest {
  private static final BestTrialOrder MAX = new BestTrialOrder(Direction.MAXIMIZE);
  private static final BestTrialOrder MIN = new BestTrialOrder(Direction.MINIMIZE);

  private static FrozenTrial trial(int number, TrialState state, Double value, Double loss) {
    return new FrozenTrial(number, state, ParamValues.empty(), value, null, new TreeMap<>(), "test", Instant.EPOCH,
        Instant.EPOCH, null, List.of(), null, loss);
  }

  private static FrozenTrial complete(int number, double value, Double loss) {
    return trial(number, TrialState.COMPLETE, value, loss);
  }

  @Test
  void theObjectiveDecidesFirstWhateverTheLoss() {
    assertTrue(MAX.isBetter(new Standing(0.98, 0.9, 5), new Standing(0.97, 0.01, 0)));
    assertTrue(MIN.isBetter(new Standing(0.1, 0.9, 5), new Standing(0.2, 0.01, 0)));
    assertFalse(MAX.isBetter(new Standing(Double.NaN, 0.01, 0), new Standing(0.1, 0.9, 5)), "NaN is the worst");
    assertTrue(MAX.isBetter(new Standing(0.1, 0.9, 5), null), "anything beats no best");
  }

  @Test
  void aTieGoesToTheLowerValidationLossThenToTheEarlierTrial() {
    // the lead's breast_cancer run: seven trials at 0.9737, trial 2 first but with the highest loss
    List<FrozenTrial> tied = List.of(complete(2, 0.9737, 0.199), complete(5, 0.9737, 0.099),
        complete(9, 0.9737, 0.096), complete(11, 0.9737, 0.156), complete(17, 0.9737, 0.087),
        complete(20, 0.9737, 0.115), complete(26, 0.9737, 0.121), complete(3, 0.95, 0.05));
    assertEquals(17, MAX.best(tied).orElseThrow().number());
    assertTrue(MAX.isBetter(new Standing(0.9737, 0.087, 17), new Standing(0.9737, 0.199, 2)));
    assertFalse(MAX.isBetter(new Standing(0.9737, 0.199, 2), new Standing(0.9737, 0.087, 17)));
    assertTrue(MAX.isBetter(new Standing(0.9, 0.1, 3), new Standing(0.9, 0.1, 4)), "the same loss: the earlier");
    assertFalse(MAX.isBetter(new Standing(0.9, 0.1, 4), new Standing(0.9, 0.1, 4)), "strictly better only");
  }

  @Test
  void trialsWithoutALossCompareAsByValueAndNumberAlone() {
    assertEquals(1, MAX.best(List.of(complete(1, 0.9, null), complete(4, 0.9, null), complete(0, 0.8, null)))
        .orElseThrow().number());
    // an older trial without a stored loss keeps a tie against later ones with a loss, as it did
    assertEquals(0, MAX.best(List.of(complete(0, 0.9, null), complete(1, 0.9, 0.01))).orElseThrow().number());
    assertFalse(MAX.isBetter(new Standing(0.9, 0.01, 1), new Standing(0.9, null, -1)));
    assertEquals(0, MAX.best(List.of(complete(0, 0.9, Double.NaN), complete(1, 0.9, Double.NaN)))
        .orElseThrow().number(), "a NaN loss is none");
  }

  @Test
  void onlyCompleteFeasibleTrialsWithAValueMayBeTheBest() {
    FrozenTrial infeasible = new FrozenTrial(0, TrialState.COMPLETE, ParamValues.empty(), 0.99, null, new TreeMap<>(),
        "test", Instant.EPOCH, Instant.EPOCH, null, List.of(0.99, 5.0), 0.5, null);
    List<FrozenTrial> trials = List.of(infeasible, trial(1, TrialState.PRUNED, 0.99, null),
        trial(2, TrialState.FAILED, null, null), trial(3, TrialState.RUNNING, null, null), complete(4, 0.5, 0.3));
    assertEquals(4, MAX.best(trials).orElseThrow().number());
    assertEquals(Optional.empty(), MAX.best(trials.subList(0, 4)));
  }

  @Test
  void isATotalOrderSoSortingAgreesWithTheBest() {
    Random random = new Random(7);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Double loss = random.nextInt(4) == 0 ? null : random.nextInt(5) / 10.0;
      trials.add(complete(i, random.nextInt(3) / 2.0, loss));
    }
    for (int round = 0; round < 5; round++) {
      Collections.shuffle(trials, random);
      List<FrozenTrial> sorted = new ArrayList<>(trials);
      sorted.sort(MIN); // TimSort throws on a comparator that is not transitive
      assertEquals(MIN.best(trials).orElseThrow(), sorted.get(0));
      for (int i = 1; i < sorted.size(); i++) {
        assertTrue(MIN.compare(sorted.get(i - 1), sorted.get(i)) < 0, "no two trials are equal");
      }
    }
  }
}
