package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.dl4j.nd4j.OpenBlasCore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Dl4jEnvironmentTest {

  @Test
  void testsRunTunedSoNothingIsRelaunched() {
    // runtime/pom.xml sets OMP_NUM_THREADS=1 for the tests, as the launcher does for `hyp run`
    assertEquals("1", System.getenv("OMP_NUM_THREADS"));
    assertTrue(Dl4jEnvironment.isTuned());
    assertEquals(-1, Dl4jEnvironment.relaunchIfNeeded(Dl4jEnvironmentTest.class, new String[0]));
  }

  @Test
  void aRelaunchOnTwoCoresUsesC1UnlessTheUserChoseTheJit() {
    String[] args = {"--trials", "3"};
    List<String> twoCores = Dl4jEnvironment.relaunchCommand(Dl4jEnvironmentTest.class, args, List.of("-Xmx1g"), 2);
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx1g", "-cp"), twoCores.subList(1, 4));
    assertEquals(List.of(Dl4jEnvironmentTest.class.getName(), "--trials", "3"), twoCores.subList(5, 8));
    List<String> chosen = Dl4jEnvironment.relaunchCommand(Dl4jEnvironmentTest.class, args,
        List.of("-XX:TieredStopAtLevel=4"), 2);
    assertFalse(chosen.contains("-XX:TieredStopAtLevel=1"), chosen.toString());
    List<String> manyCores = Dl4jEnvironment.relaunchCommand(Dl4jEnvironmentTest.class, args, List.of(), 16);
    assertFalse(manyCores.contains("-XX:TieredStopAtLevel=1"), manyCores.toString());
  }

  @Test
  void aRelaunchedJvmGetsTheRecommendedVariablesUnlessTheUserSetThem() {
    Map<String, String> fresh = new HashMap<>();
    Dl4jEnvironment.putRecommended(fresh);
    assertEquals("1", fresh.get("OMP_NUM_THREADS"));
    assertEquals(OpenBlasCore.recommended().map(Map.Entry::getValue).orElse(null), fresh.get(OpenBlasCore.VARIABLE));
    Map<String, String> users = new HashMap<>(Map.of("OMP_NUM_THREADS", "2", OpenBlasCore.VARIABLE, "Haswell"));
    Dl4jEnvironment.putRecommended(users);
    assertEquals(Map.of("OMP_NUM_THREADS", "2", OpenBlasCore.VARIABLE, "Haswell"), users);
  }
}
