package dev.hyp.runtime.bench;

import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A standard minimization benchmark with a known optimum, on a box.
 *
 * @param lo lower bound per dimension
 * @param hi upper bound per dimension
 */
record TestFunction(String name, double[] lo, double[] hi, double optimum, ToDoubleFunction<double[]> f)
    implements Problem {

  static final List<TestFunction> ALL = List.of(
      new TestFunction("branin", new double[] {-5, 0}, new double[] {10, 15}, 0.397887357729739, TestFunction::branin),
      box("rosenbrock4", 4, -2, 2, 0, TestFunction::rosenbrock),
      box("hartmann6", 6, 0, 1, -3.32236801141551, TestFunction::hartmann6),
      box("ackley5", 5, -32.768, 32.768, 0, TestFunction::ackley),
      box("rastrigin4", 4, -5.12, 5.12, 0, TestFunction::rastrigin),
      box("styblinski_tang4", 4, -5, 5, -39.16616570377142 * 4, TestFunction::styblinskiTang));

  static TestFunction named(String name) {
    return ALL.stream().filter(f -> f.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown function " + name + "; known: "
            + ALL.stream().map(TestFunction::name).toList()));
  }

  int dims() {
    return lo.length;
  }

  /** Continuous floats x0..x{d-1}, or with {@code gridPoints} values each for a grid. */
  @Override
  public SearchSpace space(int gridPoints) {
    SearchSpace.Builder b = SearchSpace.builder();
    for (int i = 0; i < dims(); i++) {
      b.add("x" + i, gridPoints > 0
          ? FloatDistribution.stepped(lo[i], hi[i], (hi[i] - lo[i]) / (gridPoints - 1))
          : FloatDistribution.uniform(lo[i], hi[i]));
    }
    return b.build();
  }

  @Override
  public double value(ParamValues params) {
    double[] x = new double[dims()];
    for (int i = 0; i < x.length; i++) {
      x[i] = params.getDouble("x" + i);
    }
    return f.applyAsDouble(x);
  }

  private static TestFunction box(String name, int d, double lo, double hi, double optimum, ToDoubleFunction<double[]> f) {
    double[] l = new double[d];
    double[] h = new double[d];
    java.util.Arrays.fill(l, lo);
    java.util.Arrays.fill(h, hi);
    return new TestFunction(name, l, h, optimum, f);
  }

  static double branin(double[] x) {
    double a = 1;
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double r = 6;
    double s = 10;
    double t = 1 / (8 * Math.PI);
    return a * Math.pow(x[1] - b * x[0] * x[0] + c * x[0] - r, 2) + s * (1 - t) * Math.cos(x[0]) + s;
  }

  static double rosenbrock(double[] x) {
    double sum = 0;
    for (int i = 0; i < x.length - 1; i++) {
      sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
    }
    return sum;
  }

  private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] H_A = {
      {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] H_P = {
      {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
      {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

  static double hartmann6(double[] x) {
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        inner += H_A[i][j] * Math.pow(x[j] - H_P[i][j] * 1e-4, 2);
      }
      sum += H_ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  }

  static double ackley(double[] x) {
    double sq = 0;
    double cos = 0;
    for (double v : x) {
      sq += v * v;
      cos += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cos / d) + 20 + Math.E;
  }

  static double rastrigin(double[] x) {
    double sum = 10 * x.length;
    for (double v : x) {
      sum += v * v - 10 * Math.cos(2 * Math.PI * v);
    }
    return sum;
  }

  static double styblinskiTang(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v * v * v - 16 * v * v + 5 * v;
    }
    return sum / 2;
  }
}
