package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.trial.FrozenTrial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterAxisTest {
  @Test
  void kindsScalesAndLayerOrderComeFromTheValues() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("lr", 1e-4);
    first.put("units[1]", 16L);
    first.put("act", "relu");
    first.put("l2", 1e-4);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("lr", 0.05);
    second.put("units[1]", 32L);
    second.put("act", "tanh");
    second.put("l2", 1e-4);
    second.put("units[2]", 64L);
    List<FrozenTrial> trials = List.of(Trials.complete(0, 1, first), Trials.complete(1, 2, second));
    List<ParameterAxis> axes = ParameterAxis.of(trials);
    assertEquals(List.of("lr", "units[1]", "units[2]", "act", "l2"), axes.stream().map(ParameterAxis::name).toList());
    assertTrue(axes.get(0).log(), "1e-4 to 0.05 is a log axis");
    assertFalse(axes.get(1).log(), "16 to 32 is not");
    assertEquals(List.of("relu", "tanh"), axes.get(3).categories());
    assertFalse(axes.get(4).varies(), "a constant does not vary");
    assertTrue(axes.get(2).varies(), "units[2], in one trial only, is no constant");
    assertEquals(1.0, axes.get(3).coordinate("tanh"));
    assertEquals(-2.0, axes.get(0).coordinate(0.01), 1e-12);
  }

  @Test
  void declaredScalesWinOverWhatTheValuesSuggest() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("lr", 0.02);
    first.put("act", "tanh");
    first.put("units[1]", 32L);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("lr", 0.3);
    second.put("act", "relu");
    second.put("units[1]", 16L);
    List<FrozenTrial> trials = List.of(Trials.complete(0, 1, first), Trials.complete(1, 2, second));
    // as run.json reads them back: 16 and 32 arrive as Integers
    List<ParamScale> scales = List.of(new ParamScale("lr", ParamScale.LOG, List.of()),
        new ParamScale("act", ParamScale.CATEGORICAL, List.of("relu", "tanh", "elu")),
        new ParamScale("units[1]", ParamScale.CATEGORICAL, List.of(16, 32, 64)));

    List<ParameterAxis> inferred = ParameterAxis.of(trials);
    assertFalse(inferred.get(0).log(), "0.02 to 0.3 alone looks linear");
    assertEquals(List.of("tanh", "relu"), inferred.get(1).categories());

    List<ParameterAxis> declared = ParameterAxis.of(trials, scales);
    assertTrue(declared.get(0).log(), "a loguniform is drawn on a log axis however narrow");
    assertEquals(List.of("relu", "tanh", "elu"), declared.get(1).categories(), "choices in the order written");
    assertTrue(declared.get(2).numeric(), "numeric choices stay on a number axis");
    assertEquals(0.0, declared.get(1).coordinate("relu"));
  }

  @Test
  void aValueOutsideTheDeclaredChoicesFallsBackToTheValues() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("act", "gelu"); // a folder whose database a different spec wrote
    List<FrozenTrial> trials = List.of(Trials.complete(0, 1, params));
    List<ParameterAxis> axes = ParameterAxis.of(trials,
        List.of(new ParamScale("act", ParamScale.CATEGORICAL, List.of("relu", "tanh"))));
    assertEquals(List.of("gelu"), axes.get(0).categories());
  }
}
