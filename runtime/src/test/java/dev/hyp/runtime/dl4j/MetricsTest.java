package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
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
