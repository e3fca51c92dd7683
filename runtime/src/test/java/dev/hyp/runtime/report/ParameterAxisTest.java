package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.study.FrozenTrial;
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
}
