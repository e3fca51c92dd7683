package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bad trials' model changed in place from ask to ask is, bit for bit, the one built from
 * scratch: over continuous, log, stepped, integer and categorical dimensions, trials moving
 * between good and bad, many at once now and then (built anew), trials without the group's
 * parameters, and a trial taken out of the middle (what a failed running trial does).
 */
class AboveKernelsTest {
  private static final List<TpeDimension> DIMS = List.of(
      new TpeDimension("x", new FloatDistribution(0, 1, false, null)),
      new TpeDimension("lr", new FloatDistribution(1e-4, 1, true, null)),
      new TpeDimension("units", new IntDistribution(1, 50, false, 1)),
      new TpeDimension("drop", new FloatDistribution(0, 2, false, 0.25)),
      new TpeDimension("act", CategoricalDistribution.of("relu", "tanh", "elu")));

  @Test
  void theModelChangedInPlaceIsTheOneBuiltFromScratch() {
    SplittableRandom random = new SplittableRandom(7);
    GroupObservations observations = new GroupObservations(DIMS);
    List<FrozenTrial> trials = new ArrayList<>();
    Set<ParamValues> good = new HashSet<>();
    int compared = 0;
    for (int step = 0; step < 420; step++) {
      for (int added = 1 + random.nextInt(3); added > 0; added--) {
        trials.add(trial(trials.size(), random));
      }
      if (step % 60 == 59) {
        trials.remove(random.nextInt(trials.size())); // later trials move up a place
      }
      int moves = step % 25 == 24 ? 40 : random.nextInt(3);
      for (int m = 0; m < moves; m++) {
        ParamValues p = trials.get(random.nextInt(trials.size())).params();
        if (!good.remove(p) && good.size() < 25) {
          good.add(p);
        }
      }
      double[][] rows = observations.update(trials);
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        if (rows[i] != null && !good.contains(trials.get(i).params())) {
          at.add(i);
        }
      }
      int[] aboveAt = at.stream().mapToInt(Integer::intValue).toArray();
      double[][] above = Arrays.stream(aboveAt).mapToObj(i -> rows[i]).toArray(double[][]::new);
      ParzenEstimator kept = observations.aboveEstimator(aboveAt, above, 1.0);
      ParzenEstimator built = new ParzenEstimator(DIMS, above, 1.0);
      for (int j = 0; j < DIMS.size(); j++) {
        if (DIMS.get(j).kind != TpeDimension.Kind.CATEGORICAL) {
          double[][] a = kept.numericKernels(j);
          double[][] b = built.numericKernels(j);
          for (int q = 0; q < b.length; q++) {
            if (b[q] != null) {
              assertArrayEquals(b[q], Arrays.copyOf(a[q], b[q].length), "step " + step + " dim " + j + " array " + q);
            }
          }
        }
      }
      for (int c = 0; c < 10; c++) {
        double[] x = c % 2 == 0 ? built.sample(random) : built.sample(new SplittableRandom(step * 31L + c));
        assertEquals(Double.doubleToRawLongBits(built.logDensity(x)), Double.doubleToRawLongBits(kept.logDensity(x)),
            "step " + step);
      }
      compared++;
    }
    assertEquals(420, compared);
    // most asks past the first hundred bad trials changed the model in place
    assertTrue(observations.aboveInPlace() > 250, "in place " + observations.aboveInPlace());
  }

  private static FrozenTrial trial(int number, SplittableRandom random) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("x", random.nextInt(10) == 0 ? 0.5 : random.nextDouble());
    if (random.nextInt(20) != 0) {
      // one in twenty lacks the rest of the group
      values.put("lr", Math.exp(Math.log(1e-4) * random.nextDouble()));
      values.put("units", (long) (1 + random.nextInt(50)));
      values.put("drop", 0.25 * random.nextInt(9));
      values.put("act", List.of("relu", "tanh", "elu").get(random.nextInt(3)));
    }
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(values), random.nextDouble(), null,
        new TreeMap<>(), "me", Instant.EPOCH, Instant.EPOCH);
  }
}
