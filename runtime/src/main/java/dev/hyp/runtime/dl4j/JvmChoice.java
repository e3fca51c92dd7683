package dev.hyp.runtime.dl4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a search runs best with, chosen from its work rather than from the core count
 * alone (docs/performance.md, "Real sizes"):
 *
 * <ul>
 *   <li>JIT: on a machine of at most {@link Dl4jEnvironment#FEW_CORES} cores, the C1 compiler only
 *       ({@link Dl4jEnvironment#RECOMMENDED_JIT_OPTIONS}) for small data, where a search is tens or
 *       hundreds of trials of a second or less and C2's compiling would take a core from them for
 *       longer than it wins back; full tiered compilation (C2) once the training data reaches
 *       {@link #LONG_TRIAL_DATA_BYTES}, where a trial takes many seconds and C2's code is 14% faster
 *       (issue 19: 46.7 s against 41.0 s for 12 trials at 50,000 x 40). On more cores C2 always.
 *   <li>Heap: a maximum sized to the data ({@link #heapBytes}), well below the JVM's default of a
 *       quarter of the machine, so that the young generation, and with it the resident memory, stays
 *       bounded (ND4J's arrays live outside the heap). JavaCPP's cap on its own allocations, which
 *       defaults to the heap's maximum, is lifted ({@code maxBytes=0}) so that a smaller heap does not
 *       lower it; hyp's memory guard ({@link MemoryBudget}) bounds trials instead.
 *   <li>Inlining ({@link #sharedCoresInliningOptions}): smaller limits for C2 when long trials run on every
 *       core at once, so that the C2 compiler takes less of their CPU.
 *   <li>Footprint ({@link #footprintOptions}): the serial collector on few cores and an initial heap
 *       sized to the data instead of the JVM's 1/64 of the machine, which G1 filled with young
 *       objects (issue 19: 553 MB resident at 50,000 x 40 against 296 MB, at no cost in CPU); for long
 *       tabular trials on every core a larger young generation ({@link #sharedCoresYoungGeneration}), whose
 *       collections stop every trial at once.
 * </ul>
 *
 * <p>Options the user gave win, kind by kind: any JIT option keeps the JIT as it is, any heap
 * option the heap, an explicit {@code maxBytes} JavaCPP's cap.
 */
public final class JvmChoice {
  private JvmChoice() {}

  /** Training data from this size on (CSV or image files, in bytes) makes trials long: C2. */
  public static final long LONG_TRIAL_DATA_BYTES = 1L << 20;

  /** The least maximum heap hyp chooses. */
  static final long MIN_HEAP_BYTES = 512L << 20;

  /** Heap per byte of data files: parsing and the float arrays on the heap with room to spare. */
  static final int HEAP_PER_DATA_BYTE = 8;

  /** The option that keeps the C1 compiler only. */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * The maximum heap for {@code dataBytes} of data files: 512 MB plus {@value #HEAP_PER_DATA_BYTE}
   * bytes per byte of data, at most a quarter of the machine's memory (the JVM's own default), in
   * whole megabytes.
   */
  static long heapBytes(long dataBytes, long physicalBytes) {
    long wanted = MIN_HEAP_BYTES + Math.min(dataBytes, Long.MAX_VALUE / (2L * HEAP_PER_DATA_BYTE)) * HEAP_PER_DATA_BYTE;
    long cap = physicalBytes > 0 ? Math.max(MIN_HEAP_BYTES, physicalBytes / 4) : wanted;
    long heap = Math.min(wanted, cap);
    return (heap >> 20) << 20;
  }

  /** Whether the C1 compiler alone is the better choice for a search over {@code dataBytes} of data. */
  static boolean c1Only(long dataBytes, int cores) {
    return cores <= Dl4jEnvironment.FEW_CORES && dataBytes < LONG_TRIAL_DATA_BYTES;
  }

  /**
   * The options for a search over {@code dataBytes} of data on {@code cores} cores and
   * {@code physicalBytes} of memory (0 when unknown), leaving out every kind {@code userOptions}
   * already sets.
   */
  public static List<String> options(long dataBytes, int cores, long physicalBytes, List<String> userOptions) {
    List<String> options = new ArrayList<>();
    if (userOptions.stream().noneMatch(JvmChoice::isJitOption) && c1Only(dataBytes, cores)) {
      options.add(C1_ONLY);
    }
    if (userOptions.stream().noneMatch(JvmChoice::isHeapOption)) {
      options.add("-Xmx" + (heapBytes(dataBytes, physicalBytes) >> 20) + "m");
    }
    if (userOptions.stream().noneMatch(JvmChoice::isMaxBytesOption)) {
      options.add("-D" + MemoryBudget.MAX_BYTES + "=0");
    }
    return options;
  }

  /**
   * C2's inlining limits for long trials that take every core ({@link #sharedCoresInliningOptions}): smaller
   * than the JVM's (35 bytes of bytecode, 325 for a hot call, 2,500 bytes of compiled code), so that C2
   * compiles less code for each of DL4J's and ND4J's many hot paths.
   */
  static final List<String> SHARED_CORES_INLINING = List.of("-XX:MaxInlineSize=20", "-XX:FreqInlineSize=50",
      "-XX:InlineSmallCode=500");

  /**
   * {@link #SHARED_CORES_INLINING} when a search over {@code dataBytes} of tabular data runs {@code parallel} trials
   * at once on {@code cores} cores: long trials (C2, data from {@link #LONG_TRIAL_DATA_BYTES} on) that take every
   * core. There the C2 compiler thread takes its CPU from the trials, and with the JVM's inlining it keeps
   * compiling through a search (40% as much CPU as a trial thread at 50,000 x 40); with these limits the process
   * used 15-24% less CPU for the same two trials, each no slower (docs/performance.md, "JIT for two trials at
   * once"). Also one trial at a time once the data reaches {@link #LARGE_LOAD_BYTES}: there the first trial waits
   * for a load of seconds in a cold JVM, and with the JVM's inlining C2 spent 0.15-0.3 s more CPU compiling the
   * reader and the encoder of a 200 MB file (about 5% of the load; docs/performance.md, "Loading 200 MB at real
   * sizes"), while one trial at a time trained no slower with the limits (77.5 s against 76.8-78.5 s, 50,000 x 40)
   * and held 35-50 MB less. Not for images ({@code tabular} false): a CNN's trial is more Java (im2col, pooling),
   * whose warm rounds the limits may slow, and on a loaded machine they did not show a win there. Nothing either
   * when the user chose the JIT or any inlining limit, or when one trial of smaller data leaves a core for the
   * compiler.
   */
  public static List<String> sharedCoresInliningOptions(long dataBytes, int cores, int parallel, boolean tabular,
      List<String> userOptions) {
    boolean longTrials = longTabularTrials(dataBytes, tabular);
    boolean everyCore = longTrials && parallel >= cores;
    boolean users = userOptions.stream().anyMatch(o -> isJitOption(o) || isInliningOption(o));
    if (users || !(everyCore || longTrials && dataBytes >= LARGE_LOAD_BYTES)) {
      return List.of();
    }
    List<String> options = new java.util.ArrayList<>(SHARED_CORES_INLINING);
    if (everyCore && userOptions.stream().noneMatch(JvmChoice::isCompileThresholdOption)) {
      options.addAll(SHARED_CORES_THRESHOLDS);
    }
    return List.copyOf(options);
  }

  /**
   * C2's compile thresholds at three times the JVM's (5,000 invocations, 600, 15,000 and 40,000 back edges), for
   * long tabular trials that take every core: C2 compiles fewer of DL4J's and ND4J's warm methods, which leaves
   * the trials more of the cores. Two at a time at 50,000 x 40 on a quiet Zen 4 (`hyp run --parallel 2` of
   * `hyp bench peer`'s tabular search, alternating): 15.5 and 15.9 s wall against 16.2-18.4 s in four runs with
   * the JVM's (docs/performance.md, the eleventh session's quiet-machine figures). One trial at a time leaves C2
   * a core of its own: not there.
   */
  static final List<String> SHARED_CORES_THRESHOLDS = List.of("-XX:Tier4InvocationThreshold=15000",
      "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000", "-XX:Tier4BackEdgeThreshold=120000");

  /** An option that sets when a tier compiles. */
  static boolean isCompileThresholdOption(String option) {
    return option.matches("-XX:Tier\\d\\w*Threshold=.*") || option.startsWith("-XX:CompileThreshold");
  }

  /**
   * Tabular data from this size on gets C2's smaller inlining limits even one trial at a time
   * ({@link #sharedCoresInliningOptions}): its load takes seconds of a cold JVM's compiling.
   */
  public static final long LARGE_LOAD_BYTES = 64L << 20;

  /** An option that sets how much the JIT inlines. */
  static boolean isInliningOption(String option) {
    return option.matches("-XX:(MaxInlineSize|FreqInlineSize|InlineSmallCode|MaxInlineLevel|MaxTrivialSize)=.*");
  }

  /** The least initial heap hyp chooses; the `hyp` launcher starts `run` with it. */
  static final long MIN_INITIAL_HEAP_BYTES = 32L << 20;

  /** Initial heap per byte of data files: about what loading them keeps alive, so the heap rarely grows. */
  static final int INITIAL_HEAP_PER_DATA_BYTE = 2;

  /** The collector on few cores: no concurrent threads or remembered sets, and the least resident memory. */
  static final String SERIAL_GC = "-XX:+UseSerialGC";

  /**
   * The options that keep the resident memory small, for a search over {@code dataBytes} of data,
   * leaving out every kind {@code userOptions} already sets: on at most {@link Dl4jEnvironment#FEW_CORES}
   * cores the serial collector, and an initial heap of {@value #MIN_INITIAL_HEAP_BYTES} bytes plus
   * {@value #INITIAL_HEAP_PER_DATA_BYTE} per byte of data, at most the chosen maximum. The JVM's
   * default initial heap, 1/64 of the machine (377 MB of 24 GB), is what the young generation
   * then fills: with a search's few long-lived objects (50 MB at 50,000 x 40) it is resident memory
   * for nothing. A trial allocates little on the heap (ND4J's arrays are native): at 50,000 x 40 the
   * collections went from 16 to 26 with 0.2 s more of their CPU, and the process's CPU did not grow.
   */
  public static List<String> footprintOptions(long dataBytes, int cores, long physicalBytes, List<String> userOptions) {
    return footprintOptions(dataBytes, cores, 1, false, physicalBytes, userOptions);
  }

  /**
   * As {@link #footprintOptions(long, int, long, List)}, for a search of {@code parallel} trials at once over
   * {@code tabular} data or images: with {@link #sharedCoresYoungGeneration} a young generation of
   * {@value #SHARED_CORES_YOUNG_MB} MB, and the initial heap that much larger so that it holds it.
   */
  public static List<String> footprintOptions(long dataBytes, int cores, int parallel, boolean tabular,
      long physicalBytes, List<String> userOptions) {
    List<String> options = new ArrayList<>();
    if (cores <= Dl4jEnvironment.FEW_CORES && userOptions.stream().noneMatch(JvmChoice::isGcOption)) {
      options.add(SERIAL_GC);
    }
    boolean young = sharedCoresYoungGeneration(dataBytes, cores, parallel, tabular, userOptions);
    if (userOptions.stream().noneMatch(o -> isHeapOption(o) || isInitialHeapOption(o))) {
      long wanted = MIN_INITIAL_HEAP_BYTES + (young ? (long) SHARED_CORES_YOUNG_MB << 20 : 0)
          + Math.min(dataBytes, Long.MAX_VALUE / (4L * INITIAL_HEAP_PER_DATA_BYTE)) * INITIAL_HEAP_PER_DATA_BYTE;
      options.add("-Xms" + (Math.min(wanted, heapBytes(dataBytes, physicalBytes)) >> 20) + "m");
    }
    if (young) {
      options.add("-Xmn" + SHARED_CORES_YOUNG_MB + "m");
    }
    return options;
  }

  /** The young generation in megabytes for long tabular trials on every core ({@link #sharedCoresYoungGeneration}). */
  static final int SHARED_CORES_YOUNG_MB = 64;

  /**
   * Whether a search over {@code dataBytes} of tabular data, {@code parallel} trials at once on {@code cores} cores,
   * gets a young generation of {@value #SHARED_CORES_YOUNG_MB} MB: long trials (data from
   * {@link #LONG_TRIAL_DATA_BYTES} on) on every core of a machine of few cores, where the serial collector runs.
   * Its every young collection stops every trial thread: with the 20 MB young generation of a 60 MB initial heap,
   * two trials at 50,000 x 40 filled it every 50 ms, 240 collections and 0.67 s of pauses in a 13 s search, each
   * lost by both trials at once. With 64 MB (and the initial heap 64 MB larger): 75 collections, 0.43 s of pauses,
   * for 40 MB more resident memory (261 MB against 221 MB). The trials' summed seconds, paired with two PyTorch
   * processes replaying the same trials on a noisy Zen 5, stayed within the noise (0.97-1.22 times theirs either
   * way; docs/performance.md, "Fifteenth session"): the measured win is the pauses'. Not when the user sized the
   * heap or its young generation, or chose the collector.
   */
  static boolean sharedCoresYoungGeneration(long dataBytes, int cores, int parallel, boolean tabular,
      List<String> userOptions) {
    return longTabularTrials(dataBytes, tabular) && parallel >= cores && cores <= Dl4jEnvironment.FEW_CORES
        && userOptions.stream().noneMatch(o -> isGcOption(o) || isHeapOption(o) || isYoungGenerationOption(o));
  }

  /** Whether trials over {@code dataBytes} of {@code tabular} data are long (from {@link #LONG_TRIAL_DATA_BYTES}). */
  private static boolean longTabularTrials(long dataBytes, boolean tabular) {
    return tabular && dataBytes >= LONG_TRIAL_DATA_BYTES;
  }

  /** An option that sizes the young generation: {@code -Xmn}, its least or greatest size, or its share of the heap. */
  static boolean isYoungGenerationOption(String option) {
    return option.startsWith("-Xmn") || option.startsWith("-XX:NewSize") || option.startsWith("-XX:MaxNewSize")
        || option.startsWith("-XX:NewRatio");
  }

  /**
   * How much of the heap may stay free after a collection, for small data on few cores: the heap grows
   * when less than 10% is free and shrinks when more than 30% is (the JVM's 40% and 70% let the serial
   * collector's old generation grow to twice what stays alive). A small search keeps about 16 MB alive;
   * with the JVM's ratios its heap reached 50 MB, with these 35 MB, for 2 more full collections while it
   * starts (about 0.1 s of collector CPU; issue 19, docs/performance.md "Memory"). Not for large data,
   * whose loading would grow the heap in many small steps, each after a full collection.
   */
  static final List<String> SMALL_DATA_HEAP_RATIOS = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");

  /**
   * {@link #SMALL_DATA_HEAP_RATIOS} for a search over {@code dataBytes} of data on {@code cores} cores
   * (the `hyp` launcher starts `run` with them on few cores), unless {@code userOptions} set either ratio.
   */
  public static List<String> heapRatioOptions(long dataBytes, int cores, List<String> userOptions) {
    boolean small = cores <= Dl4jEnvironment.FEW_CORES && dataBytes < LONG_TRIAL_DATA_BYTES;
    return small && userOptions.stream().noneMatch(JvmChoice::isHeapFreeRatioOption) ? SMALL_DATA_HEAP_RATIOS
        : List.of();
  }

  /** An option that sets how much of the heap may stay free after a collection. */
  static boolean isHeapFreeRatioOption(String option) {
    return option.startsWith("-XX:MinHeapFreeRatio") || option.startsWith("-XX:MaxHeapFreeRatio");
  }

  /** An option that chooses the garbage collector. */
  static boolean isGcOption(String option) {
    return option.matches("-XX:[+-]Use[A-Za-z0-9]*GC");
  }

  /** An option that sets the initial (or least) heap. */
  static boolean isInitialHeapOption(String option) {
    return option.startsWith("-Xms") || option.startsWith("-XX:InitialHeapSize") || option.startsWith("-XX:MinHeapSize");
  }

  /** An option that sets how the JIT compiles (tiers, C1 or C2). */
  static boolean isJitOption(String option) {
    return option.startsWith("-XX:TieredStopAtLevel") || option.contains("TieredCompilation")
        || option.equals("-Xint") || option.equals("-Xcomp") || option.equals("-client") || option.equals("-server");
  }

  /** An option that sizes the heap or its young generation. */
  static boolean isHeapOption(String option) {
    return option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize") || option.startsWith("-XX:MaxRAM")
        || option.startsWith("-Xmn") || option.startsWith("-XX:MaxNewSize");
  }

  /**
   * Whether a JVM started with {@code current} (the user's among them: {@code user}) and a maximum heap of {@code maxHeap} bytes is close
   * enough to {@code chosen} (from {@link #options}) not to start another: the same JIT (unless the
   * user chose it), the inlining limits and thresholds chosen and no others but the user's ({@link
   * #sharedCoresInliningOptions}), and when a heap is chosen,
   * a maximum within a factor of 2 of it. The `hyp`
   * launcher starts `run` with the small-data choice ({@code -Xmx768m}, C1 on few cores), so a
   * small search never starts a second JVM.
   */
  public static boolean satisfied(List<String> chosen, List<String> current, long maxHeap, List<String> user) {
    boolean userJit = user.stream().anyMatch(JvmChoice::isJitOption);
    boolean wantsC1 = chosen.contains(C1_ONLY);
    boolean hasC1 = lastJitOption(current).equals(C1_ONLY);
    if (!userJit && wantsC1 != hasC1) {
      return false;
    }
    // the chosen inlining limits, compile thresholds and young generation, no more and no fewer: a JVM the
    // launcher started with a remembered choice (RememberedJvmChoice) may carry another data size's
    java.util.Set<String> chosenTuning = tuningOptions(chosen, List.of());
    if (!chosenTuning.equals(tuningOptions(current, user))) {
      return false;
    }
    for (String option : chosen) {
      if (option.startsWith("-Xmx")) {
        long wanted = Long.parseLong(option.substring(4, option.length() - 1)) << 20;
        return maxHeap >= wanted / 2 && maxHeap <= wanted * 2;
      }
    }
    return true;
  }

  /** The inlining limits, compile thresholds and young generation among {@code options}, the user's left out. */
  private static java.util.Set<String> tuningOptions(List<String> options, List<String> user) {
    return options.stream().filter(o -> (isInliningOption(o) || isCompileThresholdOption(o)
        || isYoungGenerationOption(o)) && !user.contains(o))
        .collect(java.util.stream.Collectors.toSet());
  }

  private static String lastJitOption(List<String> options) {
    String last = "";
    for (String option : options) {
      if (isJitOption(option)) {
        last = option;
      }
    }
    return last;
  }

  /**
   * The command that starts {@code mainAndArguments} again with the {@code chosen} options: this
   * JVM's options ({@code current}) without those of the kinds chosen (the launcher's defaults;
   * the user's kinds are never chosen, so theirs stay), then the chosen ones.
   */
  static List<String> relaunchCommand(String java, List<String> current, List<String> chosen, List<String> user,
      String classPath, List<String> mainAndArguments) {
    boolean jit = user.stream().noneMatch(JvmChoice::isJitOption);
    boolean heap = user.stream().noneMatch(JvmChoice::isHeapOption);
    boolean maxBytes = user.stream().noneMatch(JvmChoice::isMaxBytesOption);
    // the launcher's small-data heap ratios, not the user's: chosen again (heapRatioOptions) or left out
    boolean ratios = user.stream().noneMatch(JvmChoice::isHeapFreeRatioOption);
    // a remembered choice's inlining limits and thresholds (RememberedJvmChoice): chosen again or left out
    boolean inlining = user.stream().noneMatch(o -> isJitOption(o) || isInliningOption(o));
    boolean thresholds = inlining && user.stream().noneMatch(JvmChoice::isCompileThresholdOption);
    List<String> command = new ArrayList<>();
    command.add(java);
    for (String option : current) {
      if (!(jit && isJitOption(option) || heap && isHeapOption(option) || maxBytes && isMaxBytesOption(option)
          || ratios && isHeapFreeRatioOption(option) || inlining && isInliningOption(option)
          || thresholds && isCompileThresholdOption(option))) {
        command.add(option);
      }
    }
    command.addAll(chosen);
    command.add("-cp");
    command.add(classPath);
    command.addAll(mainAndArguments);
    return command;
  }

  private static boolean isMaxBytesOption(String option) {
    return option.startsWith("-D" + MemoryBudget.MAX_BYTES + "=");
  }
}
