package dev.hyp.runtime.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CART regression tree: each split sends x[feature] < threshold left and minimises the summed
 * squared error of the two sides; leaves predict their mean. Thresholds lie halfway between
 * neighbouring observed values, so a categorical index splits between categories.
 */
final class RegressionTree {
  /** A node: a leaf when {@code left} is null. */
  record Node(int feature, double threshold, Node left, Node right, double value) {
    boolean isLeaf() {
      return left == null;
    }
  }

  /** A leaf with the box of feature space it covers. */
  record Leaf(double[] lo, double[] hi, double value) {}

  private final Node root;

  private RegressionTree(Node root) {
    this.root = root;
  }

  static RegressionTree fit(double[][] x, double[] y, int[] rows, int maxDepth) {
    return new RegressionTree(grow(x, y, rows, maxDepth));
  }

  double predict(double[] point) {
    Node node = root;
    while (!node.isLeaf()) {
      node = point[node.feature()] < node.threshold() ? node.left() : node.right();
    }
    return node.value();
  }

  /** Every leaf with its box, cut out of the domain [lo, hi]. */
  List<Leaf> leaves(double[] lo, double[] hi) {
    List<Leaf> leaves = new ArrayList<>();
    collect(root, lo.clone(), hi.clone(), leaves);
    return leaves;
  }

  /** The thresholds this tree splits {@code feature} at. */
  List<Double> thresholds(int feature) {
    List<Double> thresholds = new ArrayList<>();
    collectThresholds(root, feature, thresholds);
    return thresholds;
  }

  private static Node grow(double[][] x, double[] y, int[] rows, int depth) {
    double mean = Arrays.stream(rows).mapToDouble(r -> y[r]).average().orElse(0);
    if (depth == 0 || rows.length < 2) {
      return leaf(mean);
    }
    double bestGain = 1e-12;
    int bestFeature = -1;
    double bestThreshold = 0;
    double total = squaredError(y, rows, mean);
    for (int f = 0; f < x[0].length; f++) {
      final int feature = f;
      Integer[] sorted = Arrays.stream(rows).boxed().sorted((a, b) -> Double.compare(x[a][feature], x[b][feature]))
          .toArray(Integer[]::new);
      double leftSum = 0;
      double leftSquares = 0;
      double sum = Arrays.stream(rows).mapToDouble(r -> y[r]).sum();
      double squares = Arrays.stream(rows).mapToDouble(r -> y[r] * y[r]).sum();
      for (int i = 0; i < sorted.length - 1; i++) {
        double v = y[sorted[i]];
        leftSum += v;
        leftSquares += v * v;
        double here = x[sorted[i]][feature];
        double next = x[sorted[i + 1]][feature];
        if (here == next) {
          continue;
        }
        int nLeft = i + 1;
        int nRight = sorted.length - nLeft;
        double rightSum = sum - leftSum;
        double error = (leftSquares - leftSum * leftSum / nLeft) + (squares - leftSquares - rightSum * rightSum / nRight);
        if (total - error > bestGain) {
          bestGain = total - error;
          bestFeature = feature;
          bestThreshold = (here + next) / 2;
        }
      }
    }
    if (bestFeature < 0) {
      return leaf(mean);
    }
    final int feature = bestFeature;
    final double threshold = bestThreshold;
    int[] left = Arrays.stream(rows).filter(r -> x[r][feature] < threshold).toArray();
    int[] right = Arrays.stream(rows).filter(r -> x[r][feature] >= threshold).toArray();
    return new Node(feature, threshold, grow(x, y, left, depth - 1), grow(x, y, right, depth - 1), mean);
  }

  private static Node leaf(double value) {
    return new Node(-1, 0, null, null, value);
  }

  private static double squaredError(double[] y, int[] rows, double mean) {
    return Arrays.stream(rows).mapToDouble(r -> (y[r] - mean) * (y[r] - mean)).sum();
  }

  private static void collect(Node node, double[] lo, double[] hi, List<Leaf> leaves) {
    if (node.isLeaf()) {
      leaves.add(new Leaf(lo, hi, node.value()));
      return;
    }
    int f = node.feature();
    double[] leftHi = hi.clone();
    leftHi[f] = Math.min(hi[f], node.threshold());
    double[] rightLo = lo.clone();
    rightLo[f] = Math.max(lo[f], node.threshold());
    collect(node.left(), lo.clone(), leftHi, leaves);
    collect(node.right(), rightLo, hi.clone(), leaves);
  }

  private static void collectThresholds(Node node, int feature, List<Double> thresholds) {
    if (node.isLeaf()) {
      return;
    }
    if (node.feature() == feature) {
      thresholds.add(node.threshold());
    }
    collectThresholds(node.left(), feature, thresholds);
    collectThresholds(node.right(), feature, thresholds);
  }
}
