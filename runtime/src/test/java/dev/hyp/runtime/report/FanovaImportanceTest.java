package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FanovaImportanceTest {
  private static Map<String, Double> rated(FanovaImportance.Result result) {
    return result.rated().stream().collect(Collectors.toMap(FanovaImportance.Rated::name, FanovaImportance.Rated::importance));
  }

  private static FanovaImportance.Result importance(List<FrozenTrial> trials) {
    return FanovaImportance.of(trials, ParameterAxis.of(trials), 0);
  }

  @Test
  void theParameterThatDrivesTheValueGetsAlmostAllTheImportance() {
    Random random = new Random(1);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      double lr = Math.pow(10, -4 + 3 * random.nextDouble());
      double noise = random.nextDouble();
      String act = List.of("relu", "tanh", "elu").get(random.nextInt(3));
      // the value depends on log10(lr) only
      trials.add(Trials.complete(i, -Math.pow(Math.log10(lr) + 2.5, 2), Map.of("lr", lr, "noise", noise, "act", act)));
    }
    Map<String, Double> shares = rated(importance(trials));
    assertTrue(shares.get("lr") > 0.85, shares.toString());
    assertTrue(shares.get("noise") < 0.1 && shares.get("act") < 0.1, shares.toString());
    assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void aCategoricalParameterCanBeTheImportantOne() {
    Random random = new Random(2);
    Map<String, Double> effect = Map.of("adam", 0.9, "sgd", 0.5, "nesterovs", 0.7);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String opt = List.of("adam", "sgd", "nesterovs").get(random.nextInt(3));
      double dropout = random.nextDouble() * 0.5;
      trials.add(Trials.complete(i, effect.get(opt) + 0.01 * dropout, Map.of("opt", opt, "dropout", dropout)));
    }
    Map<String, Double> shares = rated(importance(trials));
    assertTrue(shares.get("opt") > 0.9, shares.toString());
    assertEquals("opt", importance(trials).rated().get(0).name());
  }

  @Test
  void conditionalAndConstantParametersAreNotRatedAndSaySo() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("x", (double) i);
      params.put("l2", 1e-4);
      if (i % 2 == 0) {
        params.put("momentum", 0.5 + i / 20.0);
      }
      trials.add(Trials.complete(i, i * 0.1, params));
    }
    FanovaImportance.Result result = importance(trials);
    assertEquals(List.of("x"), result.rated().stream().map(FanovaImportance.Rated::name).toList());
    Map<String, String> why = result.notRated().stream()
        .collect(Collectors.toMap(FanovaImportance.NotRated::name, FanovaImportance.NotRated::why));
    assertEquals("constant", why.get("l2"));
    assertTrue(why.get("momentum").startsWith("conditional"), why.toString());
  }

  @Test
  void tooFewCompleteTrialsGiveAReasonInsteadOfNumbers() {
    List<FrozenTrial> trials = List.of(
        Trials.complete(0, 0.5, Map.of("x", 1.0)),
        Trials.complete(1, 0.7, Map.of("x", 2.0)),
        Trials.trial(2, TrialState.PRUNED, 0.1, Map.of("x", 3.0), 0.1),
        Trials.trial(3, TrialState.FAILED, null, Map.of("x", 4.0)));
    FanovaImportance.Result result = importance(trials);
    assertTrue(result.rated().isEmpty());
    assertNotNull(result.message());
    assertTrue(result.message().contains("has 2"), result.message());
  }

  @Test
  void theSameTrialsGiveTheSameImportance() {
    Random random = new Random(3);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double a = random.nextDouble();
      double b = random.nextDouble();
      trials.add(Trials.complete(i, a + 2 * b * b, Map.of("a", a, "b", b)));
    }
    assertEquals(importance(trials), importance(trials));
  }

  @Test
  void aTreeOnOneFeatureGivesItTheWholeVariance() {
    double[][] x = {{0, 0}, {1, 0}, {2, 1}, {3, 1}};
    double[] y = {0, 0, 1, 1};
    RegressionTree tree = RegressionTree.fit(x, y, new int[] {0, 1, 2, 3}, 4);
    assertEquals(1.0, tree.predict(new double[] {2.5, 0}), 1e-12);
    double[] shares = FanovaImportance.treeShares(tree, new double[] {0, 0}, new double[] {3, 1});
    // the first feature alone is split, so it explains everything and the second nothing
    assertEquals(1.0, shares[0] + shares[1], 1e-9);
    assertTrue(shares[0] == 1.0 || shares[1] == 1.0, java.util.Arrays.toString(shares));
  }
}
