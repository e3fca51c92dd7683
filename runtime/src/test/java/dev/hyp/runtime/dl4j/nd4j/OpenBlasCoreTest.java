package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.testing.ChildJvm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.Test;

/** Which OpenBLAS kernels hyp names, and that the OpenBLAS its products call runs them. */
class OpenBlasCoreTest {
  /** An AMD Zen 4's flags (this project's machine, abridged): AVX-512 that OpenBLAS 0.3.19 takes for Zen. */
  private static final String ZEN4 = "flags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 avx512f avx512dq"
      + " avx512ifma avx512cd avx512bw avx512vl avx512_bf16 avx512vbmi";
  /** A Zen 3's: AVX2, no AVX-512. */
  private static final String ZEN3 = "flags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx avx2 bmi2";
  /** A Xeon Phi's: AVX-512 without the byte/word, dword/qword and vector-length subsets. */
  private static final String KNL = "flags\t\t: fpu sse sse2 avx avx2 avx512f avx512pf avx512er avx512cd";

  @Test
  void skylakeXKernelsWhereTheCpuHasTheirAvx512() {
    assertEquals(Optional.of("SkylakeX"), OpenBlasCore.choice(NativeBuild.flags(List.of("processor\t: 0", ZEN4)), "amd64"));
    assertEquals(Optional.of("SkylakeX"), OpenBlasCore.choice(NativeBuild.flags(List.of(ZEN4)), "x86_64"));
  }

  @Test
  void otherwiseOpenBlasChoosesForItself() {
    assertEquals(Optional.empty(), OpenBlasCore.choice(NativeBuild.flags(List.of(ZEN3)), "amd64"));
    assertEquals(Optional.empty(), OpenBlasCore.choice(NativeBuild.flags(List.of(KNL)), "amd64"));
    assertEquals(Optional.empty(), OpenBlasCore.choice(Set.of(), "amd64")); // flags unknown
    assertEquals(Optional.empty(), OpenBlasCore.choice(NativeBuild.flags(List.of(ZEN4)), "aarch64"));
  }

  @Test
  void theOpenBlasOfHypsProductsRunsTheNamedKernels() throws Exception {
    String own = coreName(Map.of());
    assertFalse(own.isBlank(), "OpenBLAS names the kernels it chose");
    Optional<Map.Entry<String, String>> recommended = OpenBlasCore.recommended();
    if (recommended.isPresent()) {
      assertEquals(OpenBlasCore.VARIABLE, recommended.get().getKey());
      assertEquals("SkylakeX", coreName(Map.ofEntries(recommended.get())));
    } else {
      assertFalse(NativeBuild.cpuFlags().containsAll(OpenBlasCore.AVX512_FLAGS));
    }
  }

  /**
   * The kernels OpenBLAS reports choosing when it loads (it says so at {@code OPENBLAS_VERBOSE=2}) in a child JVM
   * running {@link Probe} with {@code environment} (and without the variable otherwise).
   */
  private static String coreName(Map<String, String> environment) throws Exception {
    String out = ChildJvm.output(Probe.class, List.of(), child -> {
      child.remove(OpenBlasCore.VARIABLE);
      child.putAll(environment);
      child.put("OPENBLAS_VERBOSE", "2");
    });
    assertTrue(out.contains("product=6.0"), out);
    return out.lines().filter(l -> l.startsWith("Core: ")).findFirst().orElseThrow(() -> new AssertionError(out))
        .substring(6).trim();
  }

  /** Loads the OpenBLAS that {@link DirectMatmul} calls, as a product does, and computes one. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println("product=" + openblas_nolapack.cblas_sdot(1, new float[] {2}, 1, new float[] {3}, 1));
    }
  }
}
