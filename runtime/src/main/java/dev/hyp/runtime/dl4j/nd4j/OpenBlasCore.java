package dev.hyp.runtime.dl4j.nd4j;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of OpenBLAS's kernels ND4J's products run on. ND4J 1.0.0-M2.1 bundles OpenBLAS 0.3.19, built for
 * every x86-64 CPU (DYNAMIC_ARCH), which picks its kernels from the CPU when it loads; it takes an AMD Zen 4
 * (AVX-512) for an older Zen and runs its AVX2 kernels, though its SkylakeX kernels run there and are 30-50%
 * faster per product at a small network's shapes (64 x 40 by 40 x 256: 27 against 14 us; docs/performance.md,
 * "OpenBLAS's kernels on AVX-512"). OpenBLAS reads its choice only from the environment variable
 * {@value #VARIABLE}, once, when it loads: so the `hyp` launcher exports it (the same rule, in shell) and a
 * relaunched JVM gets it from {@code Dl4jEnvironment}. A user's own value wins; CPUs whose AVX-512 OpenBLAS
 * already recognises (Intel's) get the same kernels either way.
 */
public final class OpenBlasCore {
  private OpenBlasCore() {}

  /** OpenBLAS's variable naming the kernels to use instead of its own detection. */
  public static final String VARIABLE = "OPENBLAS_CORETYPE";
  /** The kernels chosen for a CPU with the AVX-512 subsets they use. */
  static final String SKYLAKE_X = "SkylakeX";
  /** What OpenBLAS's SkylakeX kernels use: AVX-512 foundation, conflict detection, byte/word, dword/qword, vector length. */
  static final Set<String> AVX512_FLAGS = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

  /** {@value #VARIABLE} and its value for this machine when it should be set; empty when OpenBLAS's own choice stands. */
  public static Optional<Map.Entry<String, String>> recommended() {
    return choice(NativeBuild.cpuFlags(), System.getProperty("os.arch", "")).map(core -> Map.entry(VARIABLE, core));
  }

  /** The kernels to name for a CPU with {@code cpuFlags} (Linux's names) on {@code osArch}; empty: leave it to OpenBLAS. */
  static Optional<String> choice(Set<String> cpuFlags, String osArch) {
    boolean x64 = osArch.equals("amd64") || osArch.equals("x86_64");
    return x64 && cpuFlags.containsAll(AVX512_FLAGS) ? Optional.of(SKYLAKE_X) : Optional.empty();
  }
}
