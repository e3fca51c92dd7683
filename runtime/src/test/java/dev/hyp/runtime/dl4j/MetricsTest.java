package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void multiclassAgainstHandComputedValues() {
    // truth 0 0 1 1 2 2; predicted 0 1 1 1 2 0
    double[][] scores = {{.8, .1, .1}, {.3, .6, .1}, {.1, .7, .2}, {.2, .5, .3}, {.1, .2, .7}, {.5, .2, .3}};
    int[] labels = {0, 0, 1, 1, 2, 2};
    Map<String, Double> m = Metrics.classification(scores, labels, 3);
    assertEquals(4.0 / 6, m.get("accuracy"), 1e-12);
    // precision: class0 1/2, class1 2/3, class2 1/1 ; recall: 1/2, 2/2, 1/2
    assertEquals((0.5 + 2.0 / 3 + 1) / 3, m.get("precision"), 1e-12);
    assertEquals((0.5 + 1 + 0.5) / 3, m.get("recall"), 1e-12);
    double f0 = 2 * 0.5 * 0.5 / 1.0;
    double f1 = 2 * (2.0 / 3) * 1 / (2.0 / 3 + 1);
    double f2 = 2 * 1 * 0.5 / 1.5;
    assertEquals((f0 + f1 + f2) / 3, m.get("f1"), 1e-12);
    // one-vs-rest AUC, by hand: class0 scores pos {.8,.3} neg {.1,.2,.1,.5}: pairs won 4 + 3 = 7 of 8
    // class1 pos {.7,.5} neg {.1,.6,.2,.2}: 4 + 3 = 7 of 8; class2 pos {.7,.3} neg {.1,.1,.2,.3}: 4 + 3.5 = 7.5 of 8
    assertEquals((7 + 7 + 7.5) / 24, m.get("auc"), 1e-12);
  }

  @Test
  void binaryAucUsesTheSecondClassAndCountsTiesHalf() {
    double[][] scores = {{.9, .1}, {.6, .4}, {.6, .4}, {.2, .8}};
    int[] labels = {0, 1, 0, 1};
    // positives {.4, .8} vs negatives {.1, .4}: .4>.1 1, .4=.4 0.5, .8>both 2 -> 3.5 / 4
    assertEquals(3.5 / 4, Metrics.classification(scores, labels, 2).get("auc"), 1e-12);
  }

  /**
   * The auc from primitive sorts is the rows' sort's to the bit: float outputs, many ties, -0.0 next to 0.0, NaN
   * (each its own group, in row order), one kind only, sizes from 1 to 3,000.
   */
  @Test
  void theAucIsTheSameBitsAsSortingTheRows() {
    Random random = new Random(19);
    double[] specials = {0.0, -0.0, Double.NaN, 1.0, 0.5, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int run = 0; run < 600; run++) {
      int n = 1 + random.nextInt(run % 10 == 0 ? 3000 : 60);
      int classes = 2 + random.nextInt(3);
      int levels = 1 + random.nextInt(run % 3 == 0 ? 4 : 1000); // few levels: many ties
      double[][] scores = new double[n][classes];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = run % 17 == 0 ? 0 : random.nextInt(classes);
        for (int c = 0; c < classes; c++) {
          scores[i][c] = random.nextInt(20) == 0 ? specials[random.nextInt(run % 2 == 0 ? 2 : specials.length)]
              : (float) (random.nextInt(levels) / (double) levels);
        }
      }
      for (int c = 0; c < classes; c++) {
        double expected = aucBySortingRows(scores, labels, c);
        double actual = Metrics.binaryAuc(scores, labels, c);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            "run " + run + ", class " + c + ": " + expected + " against " + actual);
      }
    }
  }

  /** The auc as before the primitive sorts: the rows sorted by the score with a comparator (stable). */
  private static double aucBySortingRows(double[][] scores, int[] labels, int positive) {
    int n = labels.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a][positive], scores[b][positive]));
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]][positive] == scores[order[i]][positive]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == positive) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  @Test
  void regressionAgainstHandComputedValues() {
    double[] truth = {1, 2, 3, 4};
    double[] predicted = {1.5, 2, 2, 5};
    Map<String, Double> m = Metrics.regression(predicted, truth);
    double mse = (0.25 + 0 + 1 + 1) / 4;
    assertEquals(mse, m.get("mse"), 1e-12);
    assertEquals(Math.sqrt(mse), m.get("rmse"), 1e-12);
    assertEquals((0.5 + 0 + 1 + 1) / 4, m.get("mae"), 1e-12);
    assertEquals(1 - 2.25 / 5.0, m.get("r2"), 1e-12);
  }

  @Test
  void directionOfEachMetric() {
    for (String metric : Metrics.CLASSIFICATION) {
      assertEquals(!metric.equals("loss"), Metrics.higherIsBetter(metric), metric);
    }
    for (String metric : Metrics.REGRESSION) {
      assertEquals(metric.equals("r2"), Metrics.higherIsBetter(metric), metric);
    }
  }
}
