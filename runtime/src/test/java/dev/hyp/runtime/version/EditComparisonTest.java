package dev.hyp.runtime.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What an edit means for the study, from two versions' meanings, and which trials it carries. */
class EditComparisonTest {
  /** A small spec's meaning: dense(units = UNITS, activation = ACT), dropout(rate = RATE), lr = LR. */
  private static SpecMeaning meaning(String units, String act, String rate, String params, String trials,
      String data) {
    return SpecMeaning.parse("""
        {"format": 1, "experiment": "t",
         "meaning": {"task": "classification", "seed": 1,
           "data": {"source": {"path": "%s", "label": "y", "header": true, "delimiter": ","}},
           "model": {"updater": {"call": {"symbol": "adam"}, "arguments": {"lr": {"param": "lr"}}},
             "layers": [{"layer": "dense", "arguments": {"units": %s, "activation": %s}},
                        {"layer": "dropout", "arguments": {"rate": %s}}]},
           "objective": {"direction": "maximize", "metric": "accuracy", "split": "validation"}},
         "search": {"strategy": "tpe", "options": {}, "pruner": {"name": "none", "options": {}},
           "params": {%s}},
         "budget": {"trials": %s, "parallel": 1}}
        """.formatted(data, units, act, rate, params, trials));
  }

  private static final String LR = "\"lr\": {\"distribution\": {\"float\": {\"lo\": 1e-4, \"hi\": 0.1, \"log\": true}}}";
  private static final String NARROW_LR =
      "\"lr\": {\"distribution\": {\"float\": {\"lo\": 1e-3, \"hi\": 0.1, \"log\": true}}}";
  private static final String ACT =
      "\"act\": {\"distribution\": {\"choice\": {\"values\": [\"relu\", \"tanh\"], \"symbols\": true}}}";
  private static final String RATE =
      "\"rate\": {\"distribution\": {\"float\": {\"lo\": 0.0, \"hi\": 0.5, \"log\": false}}}";

  private static SpecMeaning base() {
    return meaning("{\"int\": 8}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", LR, "40", "d.csv");
  }

  private static FrozenTrial trial(int number, Map<String, Object> params) {
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(params), 0.9, null, new TreeMap<>(Map.of(1, 0.9)),
        "test", Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void theSameMeaningContinuesAndTheBudgetAloneDoesToo() {
    assertEquals(Edit.Kind.SAME, EditComparison.compare(base(), base()).kind());
    Edit budget = EditComparison.compare(base(),
        meaning("{\"int\": 8}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", LR, "60", "d.csv"));
    assertEquals(Edit.Kind.BUDGET, budget.kind());
    assertEquals("only the budget changed: `trials`", budget.reason());
    assertEquals(base().fingerprint(),
        meaning("{\"int\": 8}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", LR, "60", "d.csv").fingerprint());
  }

  @Test
  void aNarrowedRangeCarriesExactlyTheTrialsInsideIt() {
    SpecMeaning narrowed = meaning("{\"int\": 8}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", NARROW_LR, "40",
        "d.csv");
    Edit edit = EditComparison.compare(base(), narrowed);
    assertEquals(Edit.Kind.SEARCH, edit.kind());
    assertEquals("the search changed: `lr`", edit.reason());
    Carry carry = new Carry(edit, SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-3, 0.1)).build());
    assertEquals(Optional.empty(), carry.of(trial(0, Map.of("lr", 5e-4))));
    assertEquals(Optional.of(ParamValues.of(Map.of("lr", 0.01))), carry.of(trial(1, Map.of("lr", 0.01))));
    assertNotEquals(base().fingerprint(), narrowed.fingerprint());
  }

  @Test
  void aValueThatBecomesAParameterGivesEarlierTrialsThatValue() {
    SpecMeaning searched = meaning("{\"int\": 8}", "{\"param\": \"act\"}", "{\"param\": \"rate\"}",
        LR + ", " + ACT + ", " + RATE, "40", "d.csv");
    Edit edit = EditComparison.compare(base(), searched);
    assertEquals(Edit.Kind.SEARCH, edit.kind(), edit.reason());
    assertEquals("the search changed: `act` and `rate`", edit.reason());
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 0.1))
        .add("act", CategoricalDistribution.of("relu", "tanh")).add("rate", FloatDistribution.uniform(0.0, 0.5))
        .build();
    assertEquals(Optional.of(ParamValues.of(Map.of("lr", 0.01, "act", "relu", "rate", 0.2))),
        new Carry(edit, space).of(trial(0, Map.of("lr", 0.01))));
    SearchSpace narrow = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 0.1))
        .add("act", CategoricalDistribution.of("tanh")).add("rate", FloatDistribution.uniform(0.0, 0.5)).build();
    assertEquals(Optional.empty(), new Carry(edit, narrow).of(trial(0, Map.of("lr", 0.01))),
        "relu, the value earlier trials had, is not a choice any more");
  }

  @Test
  void aParameterThatBecomesAValueCarriesOnlyTheTrialsThatHadIt() {
    SpecMeaning searched = meaning("{\"int\": 8}", "{\"param\": \"act\"}", "{\"number\": 0.2}", LR + ", " + ACT, "40",
        "d.csv");
    Edit edit = EditComparison.compare(searched, base());
    assertEquals(Edit.Kind.SEARCH, edit.kind());
    Carry carry = new Carry(edit, SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 0.1)).build());
    assertEquals(Optional.of(ParamValues.of(Map.of("lr", 0.01))), carry.of(trial(0, Map.of("lr", 0.01, "act", "relu"))));
    assertEquals(Optional.empty(), carry.of(trial(1, Map.of("lr", 0.01, "act", "tanh"))));
  }

  @Test
  void changingTheDataOrTheModelsStructureCarriesNothing() {
    Edit data = EditComparison.compare(base(),
        meaning("{\"int\": 8}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", LR, "40", "other.csv"));
    assertEquals(Edit.Kind.MEANING, data.kind());
    assertEquals("the data changed", data.reason());
    Edit model = EditComparison.compare(base(),
        meaning("{\"int\": 16}", "{\"symbol\": \"relu\"}", "{\"number\": 0.2}", LR, "40", "d.csv"));
    assertEquals(Edit.Kind.MEANING, model.kind());
    assertEquals("the model's structure changed", model.reason());
    assertTrue(new Carry(model, SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 0.1)).build())
        .of(trial(0, Map.of("lr", 0.01))).isEmpty());
  }
}
