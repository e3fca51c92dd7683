package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void javaCppPhysicalMemoryCheckIsOff() {
    Dl4jEnvironment.configureJvm();
    assertEquals("0", System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes"));
    assertEquals(0L, org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
  }
}
