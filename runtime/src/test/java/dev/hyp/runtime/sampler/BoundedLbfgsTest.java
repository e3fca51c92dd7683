package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static double rosenbrock(double[] x, double[] g) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  }

  @Test
  void findsTheRosenbrockValleysMinimumFromTheClassicStart() {
    double[] x = BoundedLbfgs.minimize(BoundedLbfgsTest::rosenbrock, new double[] {-1.2, 1},
        new double[] {-INF, -INF}, new double[] {INF, INF}, 200, 1e-10);
    assertArrayEquals(new double[] {1, 1}, x, 1e-4);
  }

  @Test
  void stopsOnTheBoundWhenTheMinimumLiesOutside() {
    // (x - 2)² + (y + 1)² on [0, 1]²: the constrained minimum is the corner (1, 0)
    BoundedLbfgs.Function f = (x, g) -> {
      g[0] = 2 * (x[0] - 2);
      g[1] = 2 * (x[1] + 1);
      return Math.pow(x[0] - 2, 2) + Math.pow(x[1] + 1, 2);
    };
    double[] x = BoundedLbfgs.minimize(f, new double[] {0.5, 0.5}, new double[] {0, 0}, new double[] {1, 1}, 50, 1e-10);
    assertArrayEquals(new double[] {1, 0}, x, 1e-12);
  }

  @Test
  void movesAlongABoundToTheMinimumOfTheFreeCoordinate() {
    // Rosenbrock with x0 <= 0.5: the minimum is at (0.5, 0.25)
    double[] x = BoundedLbfgs.minimize(BoundedLbfgsTest::rosenbrock, new double[] {-1.2, 1},
        new double[] {-2, -2}, new double[] {0.5, 2}, 200, 1e-10);
    assertArrayEquals(new double[] {0.5, 0.25}, x, 1e-5);
  }
}
