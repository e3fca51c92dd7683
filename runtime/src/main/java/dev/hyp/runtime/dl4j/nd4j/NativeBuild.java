package dev.hyp.runtime.dl4j.nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of ND4J 1.0.0-M2.1's native builds of libnd4j a run loads: the generic one
 * ({@code nd4j-native:linux-x86_64}) or the one with oneDNN inside ({@code linux-x86_64-onednn}),
 * whose {@code conv2d} and {@code conv2d_bp} ops run through oneDNN, 3-10x cheaper than im2col and a
 * matrix product for a small CNN's layers (docs/performance.md, "ND4J's native builds"), and max pooling
 * ({@link #ONEDNN_OPS}). JavaCPP
 * picks a build by the system property {@value #EXTENSION_PROPERTY}, read once, when ND4J first
 * loads: {@link #choose} sets it before that, from {@link Nd4jPatches#install}.
 *
 * <p>The oneDNN build's libnd4j is compiled for baseline x86-64 like the generic one, and oneDNN
 * picks its kernels from the CPU at run time; it needs SSE4.1 (oneDNN's least instruction set).
 * Without that, without the jar on the class path, on another platform or with
 * {@code -D}{@value #SWITCH}{@code =generic}, the extension is set empty: the generic build (left
 * unset, JavaCPP itself takes the oneDNN build whenever its jar is on the class path). The user's own
 * {@value #EXTENSION_PROPERTY} wins.
 */
public final class NativeBuild {
  private NativeBuild() {}

  /** The switch: {@code generic} keeps ND4J's generic build. */
  public static final String SWITCH = "hyp.nd4j.build";
  /** JavaCPP's choice of a platform's variant: the classifier's suffix after the platform. */
  static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
  /** The oneDNN build's suffix. */
  static final String ONEDNN = "-onednn";
  /** The oneDNN build's library, as its jar holds it: the jar is on the class path when this is found. */
  static final String ONEDNN_LIBRARY = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libnd4jcpu.so";
  /** The CPU feature oneDNN needs at least (x64). */
  static final String NEEDED_FLAG = "sse4_1";

  /** libnd4j's max pooling op, the one of {@link #ONEDNN_OPS} that its switch can keep from oneDNN. */
  static final String MAX_POOLING = "maxpool2d";

  /**
   * The ops that run through oneDNN on its build, in hyp's executioner ({@link #usesOneDnn}): the convolutions, and
   * max pooling's forward pass, whose output is one of each window's elements whoever computes it: the same floats
   * as libnd4j's loop, but for a zero's sign, which nothing downstream tells apart, and windows of NaNs or of values
   * at or below libnd4j's starting -3.402823e+38, which only a diverged network has. oneDNN's vector kernels took
   * the 28x28 CNN's trials 7-10% less time than libnd4j's loop, 13% of a trial's thread before (docs/performance.md,
   * "The 28x28 CNN (fourteenth session)"). Its other platform implementations (average pooling, softmax, matrix
   * products) run libnd4j's, as on the generic build: not the same floats, or not measured to pay.
   */
  static final java.util.Set<String> ONEDNN_OPS = java.util.Set.of("conv2d", "conv2d_bp", MAX_POOLING);

  /** The switch that keeps libnd4j's own max pooling loop on the oneDNN build (read on each call). */
  public static final String LIBND4J_POOLING_SWITCH = "hyp.nd4j.libnd4jPooling";

  /** Whether the op of this name runs through oneDNN on its build: {@link #ONEDNN_OPS}, less a switched-off one. */
  static boolean usesOneDnn(String opName) {
    return ONEDNN_OPS.contains(opName)
        && !(opName.equals(MAX_POOLING) && Boolean.getBoolean(LIBND4J_POOLING_SWITCH));
  }

  private static String chosen;
  private static boolean convolutions = true;

  /**
   * Tells {@link #choose} whether the run's networks may have convolution layers (its data are images),
   * before {@link Nd4jPatches#install}. Only those gain from the oneDNN build; without them it only costs
   * resident memory (a small search's process: about 15-30 MB more), so a table's run keeps the generic
   * build unless {@value #SWITCH} asks. Runs that do not say (refits, benchmarks) may have them.
   */
  public static synchronized void forWork(boolean mayHaveConvolutions) {
    convolutions = mayHaveConvolutions;
  }

  /**
   * Chooses the build and tells JavaCPP (before ND4J loads: later it changes nothing); returns the
   * extension chosen, {@code ""} for the generic build. The first call decides.
   */
  static synchronized String choose() {
    if (chosen == null) {
      chosen = choice(requested(System.getProperty(SWITCH), convolutions), System.getProperty(EXTENSION_PROPERTY),
          System.getProperty("os.name", ""), System.getProperty("os.arch", ""), cpuFlags(),
          NativeBuild.class.getClassLoader().getResource(ONEDNN_LIBRARY) != null);
      if (System.getProperty(EXTENSION_PROPERTY) == null) {
        // set even when empty: unset, JavaCPP itself takes the oneDNN build when its jar is there
        System.setProperty(EXTENSION_PROPERTY, chosen);
      }
    }
    return chosen;
  }

  /** The build asked for: the switch when set, else the generic build for work without convolutions. */
  static String requested(String switchValue, boolean mayHaveConvolutions) {
    return switchValue != null ? switchValue : mayHaveConvolutions ? null : "generic";
  }

  /**
   * The extension to set: {@link #ONEDNN} when nothing stands against it, {@code ""} (the generic
   * build) otherwise.
   *
   * @param requested {@value #SWITCH}: {@code generic} keeps the generic build; null or anything else, the choice
   * @param userExtension the user's {@value #EXTENSION_PROPERTY}, which wins; null when unset
   * @param cpuFlags the CPU's feature flags ({@link #flags}); empty when unknown
   * @param jarPresent whether the oneDNN build's library is on the class path
   */
  static String choice(String requested, String userExtension, String osName, String osArch, Set<String> cpuFlags,
      boolean jarPresent) {
    boolean linuxX64 = osName.toLowerCase(Locale.ROOT).startsWith("linux")
        && (osArch.equals("amd64") || osArch.equals("x86_64"));
    if ("generic".equalsIgnoreCase(requested) || userExtension != null || !linuxX64
        || !cpuFlags.contains(NEEDED_FLAG) || !jarPresent) {
      return "";
    }
    return ONEDNN;
  }

  /** The feature flags of the first processor in {@code cpuinfo} (Linux's /proc/cpuinfo lines). */
  static Set<String> flags(List<String> cpuinfo) {
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
        return new TreeSet<>(List.of(line.substring(colon + 1).trim().split("\\s+")));
      }
    }
    return Set.of();
  }

  /** This machine's CPU feature flags; empty when unknown (not Linux). */
  static Set<String> cpuFlags() {
    try {
      return flags(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return Set.of(); // unknown: the generic build
    }
  }

  /** The build chosen: {@code onednn} or {@code generic}; null before {@link Nd4jPatches#install}. */
  public static synchronized String inUse() {
    return chosen == null ? null : chosen.isEmpty() ? "generic" : chosen.substring(1);
  }

  private static Boolean oneDnn;

  /**
   * Whether the libnd4j ND4J loaded (loading it when it has not) has oneDNN inside, whatever chose it:
   * its build information says {@code HAVE_ONEDNN}.
   */
  public static synchronized boolean hasOneDnn() {
    if (oneDnn == null) {
      String info = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
      oneDnn = info != null && info.contains("HAVE_ONEDNN");
    }
    return oneDnn;
  }
}
