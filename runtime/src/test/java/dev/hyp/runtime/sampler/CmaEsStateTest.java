package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CmaEsStateTest {

  private static CubeDimension[] floats(int n) {
    CubeDimension[] dims = new CubeDimension[n];
    for (int i = 0; i < n; i++) {
      dims[i] = new CubeDimension("x" + i, FloatDistribution.uniform(0, 1));
    }
    return dims;
  }

  @Test
  void convergesOnAShiftedSphere() {
    CmaEsState state = new CmaEsState(floats(3), new double[] {0.5, 0.5, 0.5}, 0.2, 8);
    SplittableRandom random = new SplittableRandom(1);
    for (int g = 0; g < 120; g++) {
      double[][] xs = new double[state.lambda][];
      double[] losses = new double[state.lambda];
      for (int k = 0; k < state.lambda; k++) {
        xs[k] = state.sample(random);
        losses[k] = Math.pow(xs[k][0] - 0.2, 2) + Math.pow(xs[k][1] - 0.7, 2) + Math.pow(xs[k][2] - 0.9, 2);
      }
      state.tell(xs, losses);
    }
    assertEquals(0.2, state.mean[0], 1e-4);
    assertEquals(0.7, state.mean[1], 1e-4);
    assertEquals(0.9, state.mean[2], 1e-4);
    assertTrue(state.converged(1e-3), "sigma " + state.sigma);
  }

  @Test
  void theMarginKeepsAnIntegerMovingAfterTheStepHasCollapsed() {
    // an integer in 0..4 and a float: the float's optimum pulls sigma down, while every point has
    // the same integer; without the margin it would stay there forever
    CubeDimension[] dims = {new CubeDimension("n", IntDistribution.uniform(0, 4)),
        new CubeDimension("x", FloatDistribution.uniform(0, 1))};
    CmaEsState state = new CmaEsState(dims, new double[] {0.5, 0.5}, 0.2, 6);
    SplittableRandom random = new SplittableRandom(2);
    int moved = 0;
    int drawn = 0;
    for (int g = 0; g < 200; g++) {
      double[][] xs = new double[state.lambda][];
      double[] losses = new double[state.lambda];
      for (int k = 0; k < state.lambda; k++) {
        xs[k] = state.sample(random);
        losses[k] = Math.pow(xs[k][1] - 0.3, 2);
        if (g >= 150) {
          drawn++;
          moved += dims[0].fromUnit(xs[k][0]).equals(dims[0].fromUnit(state.mean[0])) ? 0 : 1;
        }
      }
      state.tell(xs, losses);
    }
    assertTrue(state.sigma < 1e-3, "the float converged: sigma " + state.sigma);
    // α = 1 / (n λ) = 1/12 per draw: about 25 of the last 300 draws, far from none
    assertTrue(moved >= 5, moved + " of " + drawn + " draws left the mean's integer");
  }
}
