package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

  @Test
  void maternFiveHalvesMatchesItsClosedForm() {
    assertEquals(1, GaussianProcess.matern(0), 0);
    // (1 + √5 + 5/3) e^{-√5}
    assertEquals(0.5239941088318203, GaussianProcess.matern(1), 1e-15);
  }

  @Test
  void posteriorOfTwoPointsMatchesTheHandComputedOne() {
    double[][] x = {{0}, {1}};
    double[] y = {1, -1};
    double noise = 1e-6;
    GaussianProcess gp = GaussianProcess.withSettings(x, y, new boolean[] {false}, new double[] {1}, 1, noise);
    double[] mv = new double[2];
    gp.posterior(new double[] {0.5}, mv);
    double m = GaussianProcess.matern(1);
    double k = GaussianProcess.matern(0.5);
    // symmetric data: mean 0; variance 1 - kᵀK⁻¹k with K = [[1+n, m], [m, 1+n]] and k = (k, k)
    assertEquals(0, mv[0], 1e-12);
    assertEquals(1 - 2 * k * k / (1 + noise + m), mv[1], 1e-12);
    gp.posterior(new double[] {0}, mv);
    // at an observation: (1+n)/(1+n)² ... the mean is k₀ᵀK⁻¹y = (1 - m)/((1+n) - m) · 1
    assertEquals((1 - m) / (1 + noise - m), mv[0], 1e-12);
  }

  @Test
  void categoricalCoordinatesCountOnlyWhetherTheyDiffer() {
    double[] eta = {2, 3};
    boolean[] categorical = {false, true};
    assertEquals(2 * 0.25 + 3, GaussianProcess.squaredDistance(new double[] {0, 1}, new double[] {0.5, 4}, categorical,
        eta), 1e-15);
    assertEquals(2 * 0.25, GaussianProcess.squaredDistance(new double[] {0, 2}, new double[] {0.5, 2}, categorical,
        eta), 1e-15);
  }

  @Test
  void gradientOfTheFittedObjectiveMatchesFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 12;
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextDouble();
      x[i][1] = r.nextDouble();
      x[i][2] = r.nextInt(3);
      y[i] = Math.sin(6 * x[i][0]) + x[i][1] + (x[i][2] == 1 ? 0.5 : 0);
    }
    boolean[] categorical = {false, false, true};
    double[] theta = {0.3, -0.5, 0.1, 0.2, Math.log(0.05)};
    double[] gradient = new double[theta.length];
    GaussianProcess.negativeLogPosterior(x, y, categorical, theta, gradient);
    double[] scratch = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      double h = 1e-6;
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[i] += h;
      down[i] -= h;
      double numeric = (GaussianProcess.negativeLogPosterior(x, y, categorical, up, scratch)
          - GaussianProcess.negativeLogPosterior(x, y, categorical, down, scratch)) / (2 * h);
      assertEquals(numeric, gradient[i], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + i);
    }
  }

  @Test
  void theFitLearnsThatAnIrrelevantDimensionHasALongLengthscale() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 40;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextDouble();
      x[i][1] = r.nextDouble();
      y[i] = Math.sin(6 * x[i][0]);
    }
    GaussianProcess gp = GaussianProcess.fit(x, y, new boolean[] {false, false}, 50);
    assertTrue(gp.eta[0] > 10 * gp.eta[1], "inverse squared lengthscales " + java.util.Arrays.toString(gp.eta));
    assertTrue(gp.noise < 1e-2, "noise " + gp.noise);
  }

  @Test
  void posteriorGradientAndLogEiGradientMatchFiniteDifferences() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 15;
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextDouble();
      x[i][1] = r.nextDouble();
      x[i][2] = r.nextInt(3);
      y[i] = Math.sin(6 * x[i][0]) + x[i][1] + (x[i][2] == 1 ? 0.5 : 0);
    }
    boolean[] categorical = {false, false, true};
    GaussianProcess gp = GaussianProcess.withSettings(x, y, categorical, new double[] {4, 2, 1}, 1.3, 1e-4);
    java.util.List<CubeDimension> dims = java.util.List.of(
        new CubeDimension("a", dev.hyp.runtime.space.FloatDistribution.uniform(0, 1)),
        new CubeDimension("b", dev.hyp.runtime.space.FloatDistribution.uniform(0, 1)),
        new CubeDimension("c", dev.hyp.runtime.space.CategoricalDistribution.of("p", "q", "r")));
    AcquisitionSearch search = new AcquisitionSearch(gp, dims, 1.2);
    int[] along = {0, 1};
    double[] point = {0.37, 0.61, 1};
    double[] mv = new double[2];
    double[] dMean = new double[2];
    double[] dVariance = new double[2];
    gp.posteriorWithGradient(point, along, mv, dMean, dVariance);
    double[] plain = new double[2];
    gp.posterior(point, plain);
    assertEquals(plain[0], mv[0], 1e-12);
    assertEquals(plain[1], mv[1], 1e-12);
    double[] gradient = new double[2];
    double score = search.scoreWithGradient(point, along, gradient);
    assertEquals(search.score(point), score, 1e-12);
    double h = 1e-6;
    for (int q = 0; q < 2; q++) {
      double[] up = point.clone();
      double[] down = point.clone();
      up[along[q]] += h;
      down[along[q]] -= h;
      double[] a = new double[2];
      double[] b = new double[2];
      gp.posterior(up, a);
      gp.posterior(down, b);
      assertEquals((a[0] - b[0]) / (2 * h), dMean[q], 1e-5);
      assertEquals((a[1] - b[1]) / (2 * h), dVariance[q], 1e-5);
      assertEquals((search.score(up) - search.score(down)) / (2 * h), gradient[q], 1e-4 * Math.max(1,
          Math.abs(gradient[q])));
    }
  }
}
