package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The choice of ND4J's native build, from the CPU, the platform, the class path and the switches. */
class NativeBuildTest {
  private static final Set<String> SSE41 = Set.of("fpu", "sse2", "ssse3", "sse4_1", "sse4_2", "avx", "avx2");
  private static final Set<String> OLD_CPU = Set.of("fpu", "sse", "sse2", "ssse3");

  @Test
  void oneDnnWhenTheCpuTheJarAndThePlatformAllowIt() {
    assertEquals("-onednn", NativeBuild.choice(null, null, "Linux", "amd64", SSE41, true));
    assertEquals("-onednn", NativeBuild.choice(null, null, "Linux", "x86_64", SSE41, true));
    assertEquals("-onednn", NativeBuild.choice("onednn", null, "Linux", "amd64", SSE41, true));
  }

  @Test
  void otherwiseTheGenericBuildNeverOneThatCannotRun() {
    assertEquals("", NativeBuild.choice(null, null, "Linux", "amd64", OLD_CPU, true)); // no SSE4.1
    assertEquals("", NativeBuild.choice(null, null, "Linux", "amd64", Set.of(), true)); // flags unknown
    assertEquals("", NativeBuild.choice(null, null, "Linux", "amd64", SSE41, false)); // no jar
    assertEquals("", NativeBuild.choice(null, null, "Mac OS X", "x86_64", SSE41, true));
    assertEquals("", NativeBuild.choice(null, null, "Linux", "aarch64", Set.of("fp", "asimd"), true));
    assertEquals("", NativeBuild.choice("onednn", null, "Linux", "amd64", OLD_CPU, true)); // asked for, cannot run
  }

  @Test
  void workWithoutConvolutionsKeepsTheGenericBuildUnlessTheSwitchAsks() {
    assertEquals("generic", NativeBuild.requested(null, false));
    assertEquals(null, NativeBuild.requested(null, true));
    assertEquals("onednn", NativeBuild.requested("onednn", false));
    assertEquals("generic", NativeBuild.requested("generic", true));
    assertEquals("", NativeBuild.choice(NativeBuild.requested(null, false), null, "Linux", "amd64", SSE41, true));
    assertEquals("-onednn", NativeBuild.choice(NativeBuild.requested(null, true), null, "Linux", "amd64", SSE41, true));
  }

  @Test
  void theSwitchAndTheUsersOwnExtensionWin() {
    assertEquals("", NativeBuild.choice("generic", null, "Linux", "amd64", SSE41, true));
    assertEquals("", NativeBuild.choice("GENERIC", null, "Linux", "amd64", SSE41, true));
    assertEquals("", NativeBuild.choice(null, "-avx2", "Linux", "amd64", SSE41, true));
    assertEquals("", NativeBuild.choice(null, "", "Linux", "amd64", SSE41, true));
  }

  @Test
  void readsTheFirstProcessorsFlagsFromCpuinfo() {
    List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model name\t: AMD EPYC",
        "flags\t\t: fpu vme sse2 ssse3 sse4_1 sse4_2 avx avx2", "bogomips\t: 4491.53", "", "processor\t: 1",
        "flags\t\t: fpu");
    assertEquals(Set.of("fpu", "vme", "sse2", "ssse3", "sse4_1", "sse4_2", "avx", "avx2"), NativeBuild.flags(cpuinfo));
    assertEquals(Set.of(), NativeBuild.flags(List.of("processor\t: 0", "Features\t: fp asimd")));
    assertEquals(Set.of(), NativeBuild.flags(List.of()));
  }

  @Test
  void theOneDnnBuildIsOnTheClassPath() {
    // the dependency the choice looks for: a renamed resource would silently mean the generic build everywhere
    assertNotNull(NativeBuild.class.getClassLoader().getResource(NativeBuild.ONEDNN_LIBRARY));
    assertTrue(NativeBuild.ONEDNN_LIBRARY.contains("linux-x86_64" + NativeBuild.ONEDNN + "/"));
  }
}
