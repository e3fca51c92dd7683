package dev.hyp.runtime.dl4j.nd4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one door to hyp's patches of ND4J 1.0.0-M2.1 internals, which make a small network's
 * training several times cheaper (docs/performance.md). Each patch is a drop-in replacement that
 * computes exactly what ND4J computes, bit for bit; each has a switch, a system property that keeps
 * ND4J's own when set to {@code true} ({@link Patch#switchProperty}).
 *
 * <p>The entry points of a run call {@link #install} once, first thing, before anything loads ND4J
 * ({@code ExperimentMain}, a Spark executor's trial, the benchmarks); tests get it through their
 * JUnit extension. Nothing else installs them: training a network without them gives the same
 * results, only slower.
 *
 * <p>Everything this package does to ND4J goes through here; the classes behind it are package-private.
 */
public final class Nd4jPatches {
  private Nd4jPatches() {}

  /** hyp's patches, in the order {@link #install} puts them in. */
  public enum Patch {
    /**
     * JavaCPP (under ND4J) checks the process's resident memory on every native allocation by
     * reading /proc/self/statm: about 40% of the native time of a small network's training step.
     * Its limit set to 0 turns that check off; the cheap limit on the bytes ND4J itself allocated
     * ({@code maxBytes}) still applies. Takes effect only before ND4J loads; an explicit
     * {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes} wins.
     */
    NO_PHYSICAL_MEMORY_CHECK("hyp.nd4j.stockMemoryCheck"),
    /**
     * {@link InlineDeallocatorService}: native buffers are freed after a garbage collection without
     * ND4J's per-buffer strings, map entries and queue threads (a third of a trial's time).
     */
    INLINE_DEALLOCATOR("hyp.nd4j.stockDeallocator"),
    /**
     * {@link PooledContextExecutioner}: custom ops run in libnd4j op contexts reused from a
     * per-thread pool, and every op stays reachable during its native call
     * ({@link ReachableOpExecutioner}: without it, a collection mid-call crashed the JVM).
     */
    POOLED_EXECUTIONER("hyp.nd4j.stockExecutioner"),
    /**
     * {@link DirectMatmul}: a plain float matrix product calls OpenBLAS straight from Java, as libnd4j
     * would, without an op context. Part of the pooled executioner: off with it.
     */
    DIRECT_MATMUL("hyp.nd4j.libnd4jMatmul"),
    /**
     * {@link JavaIm2col}: a convolution's im2col and col2im on floats run in Java, in the order of DL4J's
     * column array's memory, instead of libnd4j's strided generic loop. Part of the pooled executioner.
     */
    JAVA_IM2COL("hyp.nd4j.libnd4jIm2col"),
    /**
     * {@link DenseElementwise}: an elementwise op on a permuted array that fills its memory (a
     * convolution's output and its activation) runs over the memory in order, and ReLU's backward op in
     * Java, instead of libnd4j's per-element index arithmetic. Part of the pooled executioner.
     */
    DENSE_ELEMENTWISE("hyp.nd4j.libnd4jStridedOps"),
    /**
     * {@link JavaAdam}: Adam's updater step ({@code adam_updater}, once per training step over the whole
     * flat gradient) runs in Java over heap copies, which C2 vectorises, instead of libnd4j's scalar loop.
     * Part of the pooled executioner.
     */
    JAVA_ADAM("hyp.nd4j.libnd4jAdam"),
    /**
     * {@link TransposingCopy}: the copy of a product's f-order result into the c-order array a dense layer
     * asked for runs in Java, tiled over heap copies, instead of libnd4j's per-element index arithmetic.
     * Part of the pooled executioner.
     */
    TRANSPOSING_COPY("hyp.nd4j.libnd4jAssign"),
    /**
     * {@link ColumnSums}: a float matrix's sum along dimension 0 (a layer's bias gradient) runs in Java over the
     * rows in order, instead of libnd4j's walk down each column. Part of the pooled executioner.
     */
    COLUMN_SUMS("hyp.nd4j.libnd4jColumnSums"),
    /** {@link CachingShapeInfoProvider}: a new array's shape information is cached by shape. */
    SHAPE_INFO_CACHE("hyp.nd4j.stockShapeInfoProvider"),
    /**
     * {@link CachingTadManager}: the tensor-along-dimension buffers of broadcasts and reductions are
     * cached; it goes into the executioner in use, so it comes after {@link #POOLED_EXECUTIONER}.
     */
    TAD_CACHE("hyp.nd4j.stockTadManager");

    private final String switchProperty;

    Patch(String switchProperty) {
      this.switchProperty = switchProperty;
    }

    /** The system property that, set to {@code true}, keeps ND4J's own (the benchmarks' baselines). */
    public String switchProperty() {
      return switchProperty;
    }
  }

  /** Which patches to install. */
  public record Options(Set<Patch> patches) {
    public Options {
      EnumSet<Patch> copy = EnumSet.noneOf(Patch.class);
      copy.addAll(patches);
      patches = Collections.unmodifiableSet(copy);
    }

    /** Every patch. */
    public static Options all() {
      return new Options(EnumSet.allOf(Patch.class));
    }

    /** None: ND4J as it comes. */
    public static Options none() {
      return new Options(EnumSet.noneOf(Patch.class));
    }

    /** Every patch whose {@link Patch#switchProperty} is not set to {@code true}: what a run uses. */
    public static Options fromSystemProperties() {
      EnumSet<Patch> on = EnumSet.noneOf(Patch.class);
      for (Patch patch : Patch.values()) {
        if (!Boolean.getBoolean(patch.switchProperty())) {
          on.add(patch);
        }
      }
      return new Options(on);
    }

    /** These options without {@code patch}. */
    public Options without(Patch patch) {
      EnumSet<Patch> fewer = EnumSet.noneOf(Patch.class);
      fewer.addAll(patches);
      fewer.remove(patch);
      return new Options(fewer);
    }

    public boolean has(Patch patch) {
      return patches.contains(patch);
    }
  }

  /** What the first {@link #install} put in; null before it. */
  private static Set<Patch> inUse;

  private static String installedOn;

  /** The install {@link #installInBackground} started; null without one. */
  private static BackgroundInstall background;

  /**
   * Chooses ND4J's native build ({@link NativeBuild}: oneDNN's when it can), installs the patches
   * {@code options} asks for (loading ND4J unless it asks for none) and returns those in use: a
   * patch whose part of ND4J is not the class it replaces (another ND4J version or backend, ND4J's
   * automatic deallocation turned off) is left out. The first call decides, since ND4J's own cannot
   * be put back: later calls change nothing and return the same. After {@link #installInBackground}
   * it waits for that install and returns what it put in (or throws what it threw). Thread-safe.
   */
  public static Set<Patch> install(Options options) {
    BackgroundInstall started;
    synchronized (Nd4jPatches.class) {
      started = background;
    }
    return started != null ? started.await() : installHere(options);
  }

  /**
   * Starts {@link #install} on a thread of its own and returns at once, so that the caller can read
   * its data while ND4J loads (issue 19: about a second of a large table's load). Nothing may call
   * ND4J until {@link #install} has returned: the caller calls it before its first ND4J call, and it
   * waits. Only the first call of either starts anything.
   */
  public static void installInBackground(Options options) {
    synchronized (Nd4jPatches.class) {
      if (inUse == null && background == null) {
        background = BackgroundInstall.start(() -> installHere(options));
      }
    }
  }

  /**
   * Returns once the install {@link #installInBackground} started is done, however it ended (the caller of {@link
   * #install} is told); at once without one. A thread that loads a native library calls it first: ND4J's start
   * looks symbols up through JavaCPP, which calls dlopen and dlclose inside glibc's dl_iterate_phdr, and that
   * deadlocks with a dlopen on another thread (seen: `hyp run` hung for good when SQLite's driver loaded then).
   */
  public static void awaitBackgroundInstall() {
    BackgroundInstall started;
    synchronized (Nd4jPatches.class) {
      started = background;
    }
    if (started != null) {
      started.awaitDone();
    }
  }

  private static synchronized Set<Patch> installHere(Options options) {
    if (inUse != null) {
      return inUse;
    }
    NativeBuild.choose(); // not a patch: which libnd4j loads, read when ND4J loads, as the next one is
    EnumSet<Patch> installed = EnumSet.noneOf(Patch.class);
    // first: it is read when ND4J loads, which every patch after it does
    if (options.has(Patch.NO_PHYSICAL_MEMORY_CHECK) && JavaCppMemoryCheck.turnOff()) {
      installed.add(Patch.NO_PHYSICAL_MEMORY_CHECK);
    }
    if (options.has(Patch.INLINE_DEALLOCATOR) && InlineDeallocatorService.install()) {
      installed.add(Patch.INLINE_DEALLOCATOR);
    }
    if (options.has(Patch.POOLED_EXECUTIONER)) {
      PooledContextExecutioner executioner = PooledContextExecutioner.install(options.has(Patch.DIRECT_MATMUL),
          options.has(Patch.JAVA_IM2COL), options.has(Patch.DENSE_ELEMENTWISE), options.has(Patch.JAVA_ADAM),
          options.has(Patch.TRANSPOSING_COPY), options.has(Patch.COLUMN_SUMS));
      if (executioner != null) {
        installed.add(Patch.POOLED_EXECUTIONER);
        if (executioner.usesDirectMatmul()) {
          installed.add(Patch.DIRECT_MATMUL);
        }
        if (executioner.usesJavaIm2col()) {
          installed.add(Patch.JAVA_IM2COL);
        }
        if (executioner.usesDenseElementwise()) {
          installed.add(Patch.DENSE_ELEMENTWISE);
        }
        if (executioner.usesJavaAdam()) {
          installed.add(Patch.JAVA_ADAM);
        }
        if (executioner.usesTransposingCopy()) {
          installed.add(Patch.TRANSPOSING_COPY);
        }
        if (executioner.usesColumnSums()) {
          installed.add(Patch.COLUMN_SUMS);
        }
      }
    }
    if (options.has(Patch.SHAPE_INFO_CACHE) && CachingShapeInfoProvider.install()) {
      installed.add(Patch.SHAPE_INFO_CACHE);
    }
    if (options.has(Patch.TAD_CACHE) && CachingTadManager.install()) { // into the executioner now in use
      installed.add(Patch.TAD_CACHE);
    }
    inUse = Collections.unmodifiableSet(installed);
    installedOn = Thread.currentThread().getName();
    return inUse;
  }

  /** The thread the patches were installed on (tests: that a run's start loads ND4J on its own); null before. */
  static synchronized String installedOn() {
    return installedOn;
  }

  /** The patches in use: empty before {@link #install}. */
  public static synchronized Set<Patch> inUse() {
    return inUse == null ? Set.of() : inUse;
  }
}
