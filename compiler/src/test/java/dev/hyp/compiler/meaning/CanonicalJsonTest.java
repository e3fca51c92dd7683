package dev.hyp.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void keysAreSortedWhateverTheOrderTheyCameIn() {
    Map<String, Object> written = new LinkedHashMap<>();
    written.put("b", 1L);
    written.put("a", Json.object("d", null, "c", true));
    assertEquals("{\"a\":{\"c\":true,\"d\":null},\"b\":1}", CanonicalJson.compact(written));
  }

  @Test
  void wholeDoublesKeepTheirFractionAndLongsHaveNone() {
    assertEquals("[1.0,1,0.0,-2.5,1.0E-4]", CanonicalJson.compact(List.of(1.0, 1L, 0.0, -2.5, 1e-4)));
  }

  /** JDK 17 prints 2e23 as 1.9999999999999998E23 (fixed in JDK 19): a jar must not depend on the JDK that built it. */
  @Test
  void doublesAreTheirShortestTextOnEveryJdk() {
    assertEquals("[2.0E23,1.0E23,0.30000000000000004]", CanonicalJson.compact(Arrays.asList(2e23, 1e23, 0.1 + 0.2)));
  }

  @Test
  void thePrettyFormHasFixedLineEndsAndIndentation() {
    assertEquals("{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}\n",
        CanonicalJson.pretty(Json.object("c", List.of(), "b", Json.object(), "a", List.of(1L, "x"))));
  }

  @Test
  void plainValuesAreWidenedToLongAndDouble() {
    assertEquals("{\"f\":0.5,\"i\":3}", CanonicalJson.compact(Json.plainObject(Map.of("i", 3, "f", 0.5f))));
  }

  @Test
  void theHashIsSha256OfUtf8() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalJson.sha256(""));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CanonicalJson.sha256("abc"));
  }
}
