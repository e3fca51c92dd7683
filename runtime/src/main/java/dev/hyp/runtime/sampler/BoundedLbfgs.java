package dev.hyp.runtime.sampler;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A box-bounded quasi-Newton minimizer: L-BFGS directions on the free variables, projected onto
 * the bounds, with a backtracking Armijo search along the projected path (a simple form of
 * L-BFGS-B). Neither Commons Math nor Hipparchus has a bounded L-BFGS; the kernel fit needs one
 * with an analytic gradient, which their derivative-free bounded optimizers cannot use.
 */
final class BoundedLbfgs {
  /** The value and gradient of the function at a point. */
  interface Function {
    /** @return the value; writes the gradient into {@code gradient} */
    double value(double[] x, double[] gradient);
  }

  private static final int MEMORY = 10;
  private static final double ARMIJO = 1e-4;

  private BoundedLbfgs() {}

  /**
   * @param start the first point (clamped into the box)
   * @return the best point found within {@code maxIterations} steps
   */
  static double[] minimize(Function f, double[] start, double[] lo, double[] hi, int maxIterations, double tolerance) {
    int n = start.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = clamp(start[i], lo[i], hi[i]);
    }
    double[] g = new double[n];
    double fx = f.value(x, g);
    Deque<double[][]> memory = new ArrayDeque<>();
    double[] next = new double[n];
    double[] gNext = new double[n];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean[] free = new boolean[n];
      double largest = 0;
      for (int i = 0; i < n; i++) {
        free[i] = !((x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0));
        if (free[i]) {
          largest = Math.max(largest, Math.abs(g[i]));
        }
      }
      if (largest < tolerance || !Double.isFinite(fx)) {
        break;
      }
      double[] d = direction(g, free, memory);
      double slope = 0;
      for (int i = 0; i < n; i++) {
        slope += d[i] * g[i];
      }
      if (!(slope < 0)) {
        memory.clear();
        for (int i = 0; i < n; i++) {
          d[i] = free[i] ? -g[i] : 0;
        }
      }
      double step = memory.isEmpty() ? Math.min(1, 1 / largest) : 1;
      double fNext = Double.NaN;
      boolean accepted = false;
      for (int tries = 0; tries < 40 && !accepted; tries++, step *= 0.5) {
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          next[i] = clamp(x[i] + step * d[i], lo[i], hi[i]);
          decrease += g[i] * (next[i] - x[i]);
        }
        fNext = f.value(next, gNext);
        accepted = Double.isFinite(fNext) && fNext <= fx + ARMIJO * decrease;
      }
      if (!accepted) {
        break;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      double sy = 0;
      for (int i = 0; i < n; i++) {
        s[i] = next[i] - x[i];
        y[i] = gNext[i] - g[i];
        sy += s[i] * y[i];
      }
      if (sy > 1e-12) {
        memory.addFirst(new double[][] {s, y, {1 / sy}});
        if (memory.size() > MEMORY) {
          memory.removeLast();
        }
      }
      double change = fx - fNext;
      System.arraycopy(next, 0, x, 0, n);
      System.arraycopy(gNext, 0, g, 0, n);
      fx = fNext;
      if (change <= 1e-10 * Math.max(1, Math.abs(fx))) {
        break;
      }
    }
    return x;
  }

  /** The two-loop recursion's -H g, restricted to the free variables. */
  private static double[] direction(double[] g, boolean[] free, Deque<double[][]> memory) {
    int n = g.length;
    double[] q = new double[n];
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? g[i] : 0;
    }
    double[] alpha = new double[memory.size()];
    int k = 0;
    for (double[][] m : memory) {
      alpha[k] = m[2][0] * dot(m[0], q, free);
      axpy(-alpha[k], m[1], q, free);
      k++;
    }
    if (!memory.isEmpty()) {
      double[][] last = memory.peekFirst();
      double gamma = dot(last[0], last[1], free) / Math.max(1e-300, dot(last[1], last[1], free));
      if (gamma > 0) {
        for (int i = 0; i < n; i++) {
          q[i] *= gamma;
        }
      }
    }
    Iterator<double[][]> oldestFirst = memory.descendingIterator();
    k = memory.size() - 1;
    while (oldestFirst.hasNext()) {
      double[][] m = oldestFirst.next();
      double beta = m[2][0] * dot(m[1], q, free);
      axpy(alpha[k] - beta, m[0], q, free);
      k--;
    }
    for (int i = 0; i < n; i++) {
      q[i] = free[i] ? -q[i] : 0;
    }
    return q;
  }

  private static double dot(double[] a, double[] b, boolean[] free) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      if (free[i]) {
        sum += a[i] * b[i];
      }
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y, boolean[] free) {
    for (int i = 0; i < x.length; i++) {
      if (free[i]) {
        y[i] += a * x[i];
      }
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
