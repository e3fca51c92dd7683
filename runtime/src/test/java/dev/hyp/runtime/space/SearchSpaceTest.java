package dev.hyp.runtime.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  private static ParamValues values(Object... nameValue) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put((String) nameValue[i], nameValue[i + 1]);
    }
    return ParamValues.of(map);
  }

  @Test
  void perLayerParamsExistUpToTheBound() {
    SearchSpace space = SearchSpace.builder()
        .add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, CategoricalDistribution.of(16, 32))
        .build();
    assertEquals(List.of("depth", "units[1]", "units[2]", "units[3]"),
        space.params().stream().map(ParamSpec::name).toList());
    ParamValues two = space.walk((spec, earlier) -> spec.name().equals("depth") ? 2L : 32L);
    assertEquals(values("depth", 2L, "units[1]", 32L, "units[2]", 32L), two);
    assertTrue(space.admits(two));
    assertFalse(space.admits(values("depth", 1L, "units[1]", 32L, "units[2]", 32L)), "units[2] cannot exist at depth 1");
    assertFalse(space.admits(values("depth", 2L, "units[1]", 32L)), "units[2] must exist at depth 2");
  }

  @Test
  void perLayerBoundMayBeAConstant() {
    SearchSpace space = SearchSpace.builder()
        .constant("depth", 2)
        .perLayer("units", "depth", 2, IntDistribution.uniform(8, 9))
        .build();
    ParamValues p = space.walk((spec, earlier) -> 8L);
    assertEquals(values("depth", 2L, "units[1]", 8L, "units[2]", 8L), p);
  }

  @Test
  void conditionOnAnAbsentParamIsFalse() {
    SearchSpace space = SearchSpace.builder()
        .add("opt", CategoricalDistribution.of("adam", "nesterovs"))
        .add("momentum", FloatDistribution.uniform(0.5, 0.99), ParamCondition.equalTo("opt", "nesterovs"))
        .add("nesterov_decay", FloatDistribution.uniform(0, 1),
            ParamCondition.of("momentum > 0.9", p -> p.getDouble("momentum") > 0.9))
        .build();
    ParamValues adam = space.walk((spec, earlier) -> spec.name().equals("opt") ? "adam" : 0.95);
    assertEquals(values("opt", "adam"), adam);
    ParamValues nesterovs = space.walk((spec, earlier) -> spec.name().equals("opt") ? "nesterovs" : 0.95);
    assertEquals(values("opt", "nesterovs", "momentum", 0.95, "nesterov_decay", 0.95), nesterovs);
    assertEquals("momentum > 0.9", space.param("nesterov_decay").condition().text());
  }

  @Test
  void conditionsCompareLikeTheLanguage() {
    ParamValues p = values("depth", 2L, "lr", 0.01, "opt", "nesterovs", "bias", true);
    assertTrue(ParamCondition.compare("depth", "==", 2.0).test(p), "2 == 2.0");
    assertTrue(ParamCondition.compare("depth", "<", 3).test(p));
    assertFalse(ParamCondition.compare("depth", ">", 2).test(p));
    assertTrue(ParamCondition.compare("lr", "<=", 0.01).test(p));
    assertTrue(ParamCondition.compare("opt", "!=", "adam").test(p));
    assertFalse(ParamCondition.compare("opt", "<", "zzz").test(p), "symbols have no order");
    assertTrue(ParamCondition.equalTo("bias", true).test(p));
    ParamCondition c = ParamCondition.equalTo("opt", "nesterovs").and(ParamCondition.compare("depth", ">=", 3).negate())
        .or(ParamCondition.equalTo("opt", "adam"));
    assertTrue(c.test(p));
    assertEquals("((opt == nesterovs) and (not (depth >= 3))) or (opt == adam)", c.text());
    assertThrows(IllegalArgumentException.class, () -> ParamCondition.compare("depth", "=>", 3));
  }

  @Test
  void walkRejectsAValueOutsideTheDistribution() {
    SearchSpace space = SearchSpace.builder().add("x", IntDistribution.stepped(0, 10, 5)).build();
    assertThrows(IllegalStateException.class, () -> space.walk((spec, earlier) -> 3L));
  }

  @Test
  void distributionsCheckTheirValues() {
    assertTrue(FloatDistribution.stepped(0.0, 0.5, 0.05).contains(0.35));
    assertFalse(FloatDistribution.stepped(0.0, 0.5, 0.05).contains(0.33));
    assertEquals(11, FloatDistribution.stepped(0.0, 0.5, 0.05).enumerate().size());
    assertEquals(0.3, FloatDistribution.stepped(0.0, 0.5, 0.05).enumerate().get(6));
    assertEquals(List.of(1L, 4L, 7L), IntDistribution.stepped(1, 9, 3).enumerate());
    assertFalse(IntDistribution.stepped(1, 9, 3).contains(9L));
    assertThrows(IllegalArgumentException.class, () -> FloatDistribution.logUniform(0, 1));
    assertThrows(IllegalArgumentException.class, () -> CategoricalDistribution.of(1, 1L));
    assertEquals(List.of(16L, "relu", true, 0.5), CategoricalDistribution.of(16, "relu", true, 0.5f).choices());
  }

  @Test
  void paramValuesHaveTypedGetters() {
    ParamValues p = values("lr", 0.01, "depth", 3, "act", "relu", "bias", true);
    assertEquals(0.01, p.getDouble("lr"));
    assertEquals(3, p.getInt("depth"));
    assertEquals(3.0, p.getDouble("depth"));
    assertEquals("relu", p.getString("act"));
    assertTrue(p.getBoolean("bias"));
    assertFalse(p.has("momentum"));
    assertThrows(ParamValues.MissingParamException.class, () -> p.getDouble("momentum"));
    assertThrows(IllegalStateException.class, () -> p.getLong("act"));
    assertEquals(List.of("lr", "depth", "act", "bias"), List.copyOf(p.names()));
  }
}
