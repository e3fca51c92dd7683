package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches.Options;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches.Patch;
import dev.hyp.runtime.testing.ChildJvm;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The entry point: every patch has a switch that keeps ND4J's own, and a run installs what the
 * switches leave on. ND4J's components cannot be put back, so what a switch does is seen in a
 * fresh JVM ({@link Probe}); the other tests of this package show what each patch computes.
 */
class Nd4jPatchesTest {

  @Test
  void eachSwitchTurnsOffItsPatchAndNoOther() {
    assertEquals(Options.all(), withProperties(Map.of(), Options::fromSystemProperties));
    for (Patch patch : Patch.values()) {
      Options options = withProperties(Map.of(patch.switchProperty(), "true"), Options::fromSystemProperties);
      assertEquals(Options.all().without(patch), options, patch.switchProperty());
      assertEquals(Options.all(), withProperties(Map.of(patch.switchProperty(), "false"),
          Options::fromSystemProperties), patch.switchProperty() + "=false");
    }
  }

  @Test
  void theSwitchesKeepTheirDocumentedNames() {
    // docs/performance.md and the benchmarks' settings use these
    assertEquals("hyp.nd4j.stockDeallocator", Patch.INLINE_DEALLOCATOR.switchProperty());
    assertEquals("hyp.nd4j.stockExecutioner", Patch.POOLED_EXECUTIONER.switchProperty());
    assertEquals("hyp.nd4j.libnd4jMatmul", Patch.DIRECT_MATMUL.switchProperty());
    assertEquals("hyp.nd4j.stockShapeInfoProvider", Patch.SHAPE_INFO_CACHE.switchProperty());
    assertEquals("hyp.nd4j.stockTadManager", Patch.TAD_CACHE.switchProperty());
    assertEquals("hyp.nd4j.stockMemoryCheck", Patch.NO_PHYSICAL_MEMORY_CHECK.switchProperty());
    assertEquals("hyp.nd4j.libnd4jIm2col", Patch.JAVA_IM2COL.switchProperty());
    assertEquals("hyp.nd4j.libnd4jStridedOps", Patch.DENSE_ELEMENTWISE.switchProperty());
    assertEquals("hyp.nd4j.libnd4jAdam", Patch.JAVA_ADAM.switchProperty());
    assertEquals("hyp.nd4j.libnd4jAssign", Patch.TRANSPOSING_COPY.switchProperty());
    assertEquals("hyp.nd4j.libnd4jColumnSums", Patch.COLUMN_SUMS.switchProperty());
  }

  @Test
  void theFirstInstallDecides() {
    Set<Patch> first = Nd4jPatches.install(Options.all());
    assertEquals(first, Nd4jPatches.install(Options.none()));
    assertEquals(first, Nd4jPatches.inUse());
    assertTrue(first.contains(Patch.POOLED_EXECUTIONER), first.toString());
    assertTrue(Nd4j.getExecutioner() instanceof PooledContextExecutioner);
  }

  /**
   * A fresh JVM installs every patch, the JavaCPP limit first (read when ND4J loads, whatever
   * order Surefire runs this JVM's tests in).
   */
  @Test
  void aRunInstallsEveryPatch() throws Exception {
    Map<String, String> probed = probe(List.of());
    assertEquals("0", probed.get("maxPhysicalBytes"), probed.toString());
    assertEquals(EnumSet.allOf(Patch.class).toString(), probed.get("inUse"));
    assertEquals("InlineDeallocatorService", probed.get("deallocator"));
    assertEquals("PooledContextExecutioner", probed.get("executioner"));
    assertEquals("true", probed.get("directMatmul"));
    assertEquals("true", probed.get("javaIm2col"));
    assertEquals("true", probed.get("denseElementwise"));
    assertEquals("true", probed.get("javaAdam"));
    assertEquals("true", probed.get("transposingCopy"));
    assertEquals("CachingShapeInfoProvider", probed.get("shapeInfoProvider"));
    assertEquals("CachingTadManager", probed.get("tadManager"));
  }

  /**
   * `hyp run` loads ND4J on a thread of its own while it reads the data (issue 19): the same patches,
   * the JavaCPP limit set before ND4J loaded, and {@code install} waits for them.
   */
  @Test
  void aStartInTheBackgroundInstallsTheSame() throws Exception {
    Map<String, String> inline = probe(List.of());
    Map<String, String> background = probe(List.of(), "background");
    assertEquals("main", inline.get("installedOn"), inline.toString());
    assertEquals(BackgroundInstall.THREAD, background.get("installedOn"), background.toString());
    inline.remove("installedOn");
    background.remove("installedOn");
    assertEquals(inline, background);
    assertEquals("0", background.get("maxPhysicalBytes"));
  }

  @Test
  void everySwitchKeepsNd4jsOwn() throws Exception {
    List<String> switches = new ArrayList<>();
    for (Patch patch : Patch.values()) {
      switches.add("-D" + patch.switchProperty() + "=true");
    }
    Map<String, String> probed = probe(switches);
    assertNotEquals("0", probed.get("maxPhysicalBytes"), probed.toString());
    assertEquals("[]", probed.get("inUse"));
    assertEquals("DeallocatorService", probed.get("deallocator"));
    assertEquals("NativeOpExecutioner", probed.get("executioner"));
    assertEquals("DirectShapeInfoProvider", probed.get("shapeInfoProvider"));
    assertEquals("CpuTADManager", probed.get("tadManager"));
  }

  /** The two switches that touch the executioner leave the rest as it was. */
  @Test
  void theExecutionersSwitchesAreIndependentOfTheCaches() throws Exception {
    Map<String, String> libnd4jMatmul = probe(List.of("-Dhyp.nd4j.libnd4jMatmul=true"));
    assertEquals("PooledContextExecutioner", libnd4jMatmul.get("executioner"), libnd4jMatmul.toString());
    assertEquals("false", libnd4jMatmul.get("directMatmul"));
    assertFalse(libnd4jMatmul.get("inUse").contains(Patch.DIRECT_MATMUL.name()));
    assertEquals("CachingTadManager", libnd4jMatmul.get("tadManager"));

    Map<String, String> stockExecutioner = probe(List.of("-Dhyp.nd4j.stockExecutioner=true"));
    assertEquals("NativeOpExecutioner", stockExecutioner.get("executioner"), stockExecutioner.toString());
    assertEquals("CachingTadManager", stockExecutioner.get("tadManager")); // in ND4J's own executioner
    assertEquals("InlineDeallocatorService", stockExecutioner.get("deallocator"));
    assertEquals(EnumSet.complementOf(EnumSet.of(Patch.POOLED_EXECUTIONER, Patch.DIRECT_MATMUL, Patch.JAVA_IM2COL,
        Patch.DENSE_ELEMENTWISE, Patch.JAVA_ADAM, Patch.TRANSPOSING_COPY, Patch.COLUMN_SUMS)).toString(),
        stockExecutioner.get("inUse"));

    Map<String, String> libnd4jIm2col = probe(List.of("-Dhyp.nd4j.libnd4jIm2col=true"));
    assertEquals("false", libnd4jIm2col.get("javaIm2col"), libnd4jIm2col.toString());
    assertEquals("true", libnd4jIm2col.get("directMatmul"));
    assertEquals("true", libnd4jIm2col.get("denseElementwise"));
    Map<String, String> libnd4jStridedOps = probe(List.of("-Dhyp.nd4j.libnd4jStridedOps=true"));
    assertEquals("false", libnd4jStridedOps.get("denseElementwise"), libnd4jStridedOps.toString());
    assertEquals("true", libnd4jStridedOps.get("javaIm2col"));
    Map<String, String> libnd4jAdam = probe(List.of("-Dhyp.nd4j.libnd4jAdam=true"));
    assertEquals("false", libnd4jAdam.get("javaAdam"), libnd4jAdam.toString());
    assertEquals("true", libnd4jAdam.get("denseElementwise"));
    assertEquals("true", libnd4jAdam.get("directMatmul"));
    assertEquals("true", libnd4jAdam.get("transposingCopy"));
    Map<String, String> libnd4jAssign = probe(List.of("-Dhyp.nd4j.libnd4jAssign=true"));
    assertEquals("false", libnd4jAssign.get("transposingCopy"), libnd4jAssign.toString());
    assertEquals("true", libnd4jAssign.get("javaAdam"));
    assertEquals("true", libnd4jAssign.get("columnSums"));
    Map<String, String> libnd4jColumnSums = probe(List.of("-Dhyp.nd4j.libnd4jColumnSums=true"));
    assertEquals("false", libnd4jColumnSums.get("columnSums"), libnd4jColumnSums.toString());
    assertEquals("true", libnd4jColumnSums.get("transposingCopy"));
  }

  /** Installs the patches as a run does, first thing in its JVM, and prints what ND4J then uses. */
  static final class Probe {
    public static void main(String[] args) {
      if (args.length > 0 && args[0].equals("background")) {
        Nd4jPatches.installInBackground(Options.fromSystemProperties()); // as `hyp run` starts
      }
      Set<Patch> inUse = Nd4jPatches.install(Options.fromSystemProperties());
      System.out.println("installedOn=" + Nd4jPatches.installedOn());
      System.out.println("maxPhysicalBytes=" + org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
      System.out.println("inUse=" + inUse);
      System.out.println("deallocator=" + Nd4j.getDeallocatorService().getClass().getSimpleName());
      System.out.println("executioner=" + Nd4j.getExecutioner().getClass().getSimpleName());
      if (Nd4j.getExecutioner() instanceof PooledContextExecutioner pooled) {
        System.out.println("directMatmul=" + pooled.usesDirectMatmul());
        System.out.println("javaIm2col=" + pooled.usesJavaIm2col());
        System.out.println("denseElementwise=" + pooled.usesDenseElementwise());
        System.out.println("javaAdam=" + pooled.usesJavaAdam());
        System.out.println("transposingCopy=" + pooled.usesTransposingCopy());
        System.out.println("columnSums=" + pooled.usesColumnSums());
      }
      System.out.println("shapeInfoProvider=" + Nd4j.getShapeInfoProvider().getClass().getSimpleName());
      System.out.println("tadManager=" + Nd4j.getExecutioner().getTADManager().getClass().getSimpleName());
    }
  }

  /** {@link Probe}'s lines as name=value, run in a child JVM with these options. */
  private static Map<String, String> probe(List<String> jvmOptions, String... args) throws Exception {
    return ChildJvm.values(Probe.class, jvmOptions, environment -> { }, args);
  }

  /** {@code read}'s answer with these system properties set (then restored). */
  private static <T> T withProperties(Map<String, String> properties, java.util.function.Supplier<T> read) {
    Map<String, String> before = new LinkedHashMap<>();
    for (Patch patch : Patch.values()) {
      before.put(patch.switchProperty(), System.getProperty(patch.switchProperty()));
      System.clearProperty(patch.switchProperty());
    }
    properties.forEach(System::setProperty);
    try {
      return read.get();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
