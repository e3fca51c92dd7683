package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import org.junit.jupiter.api.Test;

class CubeDimensionTest {

  @Test
  void aChoiceAmongNumbersIsOrderedByValueWithAnEqualShareEach() {
    CubeDimension units = new CubeDimension("units", CategoricalDistribution.of(64L, 16L, 32L));
    assertTrue(units.discrete());
    assertFalse(units.categorical());
    assertEquals(0.5 / 3, units.toUnit(16L), 1e-15);
    assertEquals(1.5 / 3, units.toUnit(32L), 1e-15);
    assertEquals(2.5 / 3, units.toUnit(64L), 1e-15);
    assertEquals(16L, units.fromUnit(0.0));
    assertEquals(32L, units.fromUnit(0.34));
    assertEquals(64L, units.fromUnit(1.0));
    assertEquals(1.5 / 3, units.snap(0.6), 1e-15);
    double[] bucket = units.bucket(0.5);
    assertEquals(1.0 / 3, bucket[0], 1e-15);
    assertEquals(2.0 / 3, bucket[1], 1e-15);
  }

  @Test
  void aChoiceWithAnyNonNumberStaysCategorical() {
    CubeDimension act = new CubeDimension("act", CategoricalDistribution.of("relu", 1L));
    assertTrue(act.categorical());
    assertFalse(CubeDimension.ordered(CategoricalDistribution.of("relu", "tanh")));
    assertFalse(CubeDimension.ordered(CategoricalDistribution.of(3L)));
  }
}
