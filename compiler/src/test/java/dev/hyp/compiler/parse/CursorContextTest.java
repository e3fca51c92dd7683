package dev.hyp.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a cursor stands while a spec is typed, syntax errors and all. */
class CursorContextTest {
  private static final String HEAD = "experiment x {\n  model {\n    updater = adam(lr = 0.1)\n";

  @Test
  void theStartOfAnItemInASection() {
    CursorContext context = at(HEAD + "    de");
    assertEquals(List.of("experiment", "model"), context.blocks());
    assertEquals("model", context.section());
    assertTrue(context.itemStart());
    assertEquals("de", context.prefix());
  }

  @Test
  void anArgumentsValueInAnOpenCall() {
    CursorContext context = at(HEAD + "    dense(units = 4, activation = ");
    assertEquals("dense", context.call());
    assertEquals("activation", context.argument());
    assertFalse(context.argumentStart());
    assertFalse(context.itemStart());
  }

  @Test
  void anArgumentsNameAfterAComma() {
    CursorContext context = at(HEAD + "    dense(units = 4, ");
    assertEquals("dense", context.call());
    assertNull(context.argument());
    assertTrue(context.argumentStart());
  }

  @Test
  void aSettingsValueAndALoop() {
    assertEquals("weight_init", at(HEAD + "    weight_init = xa").setting());
    CursorContext loop = at(HEAD + "    for i in 1..3 {\n      ");
    assertEquals(List.of("experiment", "model", "for"), loop.blocks());
    assertEquals("model", loop.section());
    assertTrue(loop.itemStart());
  }

  @Test
  void aSearchBlockKnowsItsStrategy() {
    CursorContext context = at("experiment x {\n  search tpe {\n    ");
    assertEquals("search", context.section());
    assertEquals("tpe", context.strategy());
  }

  @Test
  void theObjectiveAndTheExperimentsOwnItems() {
    CursorContext objective = at("experiment x {\n  objective = maximize ");
    assertEquals("", objective.section());
    assertEquals("maximize", objective.previous());
    assertTrue(at("experiment x {\n  data { source = csv(\"a.csv\", label = \"y\") }\n  ").itemStart());
    assertNull(at("").section(), "outside any experiment");
  }

  private static CursorContext at(String text) {
    return CursorContext.at(text, text.length());
  }
}
