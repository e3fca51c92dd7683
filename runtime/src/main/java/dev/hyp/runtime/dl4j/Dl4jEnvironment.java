package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.dl4j.nd4j.OpenBlasCore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process environment that gives DL4J its best trials per minute (docs/performance.md):
 * {@code OMP_NUM_THREADS=1}, one OpenMP thread per ND4J op, and parallelism from running trials at
 * once. ND4J reads it once, when its native library loads, so it must be in the environment before
 * the JVM starts: the `hyp` launcher exports it, and a generated jar's main calls
 * {@link #relaunchIfNeeded} first thing. The settings made inside the JVM, and the patches to ND4J,
 * are {@link dev.hyp.runtime.dl4j.nd4j.Nd4jPatches}'s.
 */
public final class Dl4jEnvironment {
  private Dl4jEnvironment() {}

  /** The variables and values set when the user has not set them. */
  public static final Map<String, String> RECOMMENDED = Map.of("OMP_NUM_THREADS", "1");

  /**
   * JIT settings for a search on a machine of at most {@link #FEW_CORES} cores: the C1 compiler
   * only. There, C2 compiling DL4J's many hot paths takes a core from the trials for the first
   * seconds, which a search of tens or hundreds of small trials never wins back: every sample ran
   * 1.2-2.7x faster (samples/iris.hyp: 5.8 s to 2.1 s) and breast_cancer's 30 trials went from
   * 1.4x slower than Optuna + scikit-learn to 1.2x faster. Once warm, C2's code is 20-28% faster
   * on such small networks, which thousands of trials would notice: {@code -XX:TieredStopAtLevel=4}
   * given by the user (HYP_JAVA_OPTS for the launcher) wins (docs/performance.md). The `hyp`
   * launcher passes the same option to `hyp run`.
   */
  public static final List<String> RECOMMENDED_JIT_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  /** Up to this many cores, {@link #RECOMMENDED_JIT_OPTIONS} apply. */
  public static final int FEW_CORES = 2;

  /** Set in the child by {@link #relaunchIfNeeded}, so it relaunches at most once. */
  public static final String MARKER = "HYP_RELAUNCHED";

  /**
   * A relaunched JVM's environment: {@link #RECOMMENDED} and, on a CPU whose AVX-512 ND4J's OpenBLAS does not
   * recognise, its kernels named ({@link OpenBlasCore}), each unless the user set it.
   */
  static void putRecommended(Map<String, String> environment) {
    RECOMMENDED.forEach(environment::putIfAbsent);
    OpenBlasCore.recommended().ifPresent(core -> environment.putIfAbsent(core.getKey(), core.getValue()));
  }

  /**
   * Whether every recommended variable is set (to anything: the user's choice wins). The OpenBLAS kernels
   * are left out: without them a run is only slower, so they never cause a relaunch of their own.
   */
  public static boolean isTuned() {
    return RECOMMENDED.keySet().stream().allMatch(k -> System.getenv(k) != null);
  }

  /**
   * When a recommended variable is unset, runs this same Java command again with it set, and on
   * few cores with {@link #RECOMMENDED_JIT_OPTIONS} (output and input shared), and returns the
   * child's exit code; returns -1 without doing anything when the environment is already right (or
   * this is the relaunched child). Call it before anything touches ND4J: {@code int code = Dl4jEnvironment.relaunchIfNeeded(Main.class, args); if (code >= 0) System.exit(code);}
   */
  public static int relaunchIfNeeded(Class<?> main, String[] args) {
    if (isTuned() || System.getenv(MARKER) != null) {
      return -1;
    }
    List<String> command = relaunchCommand(main, args, ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Runtime.getRuntime().availableProcessors());
    return runChild(command);
  }

  /**
   * A generated jar's search: as {@link #relaunchIfNeeded(Class, String[])}, the child with the JVM
   * options chosen for {@code dataBytes} of data ({@link JvmChoice}, as `hyp run` chooses them). The
   * options given on the jar's command line win, kind by kind. A jar started with the environment
   * already set runs as its user started it, in this JVM.
   */
  public static int relaunchIfNeeded(Class<?> main, String[] args, long dataBytes) {
    return relaunchIfNeeded(main, args, dataBytes, 1, false);
  }

  /**
   * As {@link #relaunchIfNeeded(Class, String[], long)}, for a search of {@code parallel} trials at once over
   * {@code tabular} data or images ({@link JvmChoice#sharedCoresInliningOptions}).
   */
  public static int relaunchIfNeeded(Class<?> main, String[] args, long dataBytes, int parallel, boolean tabular) {
    if (isTuned() || System.getenv(MARKER) != null) {
      return -1;
    }
    List<String> current = ManagementFactory.getRuntimeMXBean().getInputArguments();
    int cores = Runtime.getRuntime().availableProcessors();
    long physical = MachineMemory.total().orElse(0);
    List<String> chosen = new ArrayList<>(JvmChoice.options(dataBytes, cores, physical, current));
    chosen.addAll(JvmChoice.sharedCoresInliningOptions(dataBytes, cores, parallel, tabular, current));
    chosen.addAll(JvmChoice.footprintOptions(dataBytes, cores, parallel, tabular, physical, current));
    chosen.addAll(JvmChoice.heapRatioOptions(dataBytes, cores, current));
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(chosen);
    command.addAll(current);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return runChild(command);
  }

  /**
   * `hyp run` (the launcher sets {@link #CHOOSE_JVM}): when the JVM options chosen for
   * {@code dataBytes} of data ({@link JvmChoice}) are not this JVM's, runs this same command line
   * again with them in place of this process ({@link ProcessReplacement}: same pid, no JVM left
   * waiting), or where that is not possible in a child JVM, sharing input and output, and returns the child's exit code;
   * -1 when this JVM is right (or is that child, or the property is not set). The user's options
   * ({@code HYP_JAVA_OPTS}, which the launcher puts on the command line) win, kind by kind.
   */
  public static int relaunchForWork(long dataBytes) {
    return relaunchForWork(dataBytes, 1, false);
  }

  /**
   * As {@link #relaunchForWork(long)}, for a search of {@code parallel} trials at once over {@code tabular} data
   * or images ({@link JvmChoice#sharedCoresInliningOptions}).
   */
  public static int relaunchForWork(long dataBytes, int parallel, boolean tabular) {
    if (!Boolean.getBoolean(CHOOSE_JVM) || System.getenv(MARKER) != null) {
      return -1;
    }
    List<String> user = userOptions(System.getenv("HYP_JAVA_OPTS"));
    List<String> current = ManagementFactory.getRuntimeMXBean().getInputArguments();
    int cores = Runtime.getRuntime().availableProcessors();
    long physical = MachineMemory.total().orElse(0);
    List<String> chosen = new ArrayList<>(JvmChoice.options(dataBytes, cores, physical, user));
    chosen.addAll(JvmChoice.sharedCoresInliningOptions(dataBytes, cores, parallel, tabular, user));
    chosen.addAll(JvmChoice.footprintOptions(dataBytes, cores, parallel, tabular, physical, user));
    chosen.addAll(JvmChoice.heapRatioOptions(dataBytes, cores, user));
    if (JvmChoice.satisfied(chosen, current, Runtime.getRuntime().maxMemory(), user)) {
      return -1;
    }
    List<String> arguments = commandLineArguments();
    String main = System.getProperty("sun.java.command", "").split(" ", 2)[0];
    int mainAt = arguments == null ? -1 : arguments.indexOf(main);
    if (main.isEmpty() || mainAt < 0) {
      return -1; // the command line cannot be read back: run here
    }
    List<String> command = JvmChoice.relaunchCommand(javaBinary(), current, chosen, user,
        System.getProperty("java.class.path"), arguments.subList(mainAt, arguments.size()));
    // in place: no JVM left waiting (and resident) for the search; signals and exit codes its own
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    putRecommended(environment);
    environment.put(MARKER, "1");
    environment.remove(PARENT_PID);
    Path remember = RememberedJvmChoice.file();
    if (remember != null) {
      RememberedJvmChoice.keep(remember, command, user); // the launcher's next start of this command line: this JVM at once
    }
    ProcessReplacement.exec(command, environment);
    return runChild(command); // not possible here: a child, this JVM waiting for it
  }

  /**
   * This process's arguments after the java binary, as given; null when unknown. The JDK gives up on
   * long command lines (a class path of 5 kB), so Linux's /proc/self/cmdline is read first.
   */
  private static List<String> commandLineArguments() {
    try {
      byte[] bytes = java.nio.file.Files.readAllBytes(Path.of("/proc/self/cmdline"));
      List<String> all = new ArrayList<>();
      int from = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          all.add(new String(bytes, from, i - from, java.nio.charset.Charset.defaultCharset()));
          from = i + 1;
        }
      }
      if (!all.isEmpty()) {
        return all.subList(1, all.size());
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the JDK
    }
    return ProcessHandle.current().info().arguments().map(List::of).orElse(null);
  }

  /** The system property the `hyp` launcher sets for `hyp run`: choose the JVM's options from the work. */
  public static final String CHOOSE_JVM = "hyp.jvm.choose";

  /** {@code HYP_JAVA_OPTS} split as the launcher's shell splits it (on white space), empty when unset. */
  static List<String> userOptions(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs {@code command} as this process's child (input and output shared, signals forwarded); its exit code. */
  private static int runChild(List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    putRecommended(pb.environment());
    pb.environment().put(MARKER, "1");
    pb.environment().put(PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      return -1; // could not relaunch: run here, only slower
    }
    forwardSignals(child);
    try {
      return child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      return 130;
    }
  }

  /**
   * Set in the relaunched child to its parent's pid: the child stops, as on SIGTERM, when the
   * parent is gone (killed with SIGKILL, which cannot be forwarded), so that no search goes on
   * writing the study unseen.
   */
  public static final String PARENT_PID = "HYP_PARENT_PID";

  /** SIGTERM and SIGINT to the parent go on to the child, which stops gracefully; the parent waits for it. */
  private static void forwardSignals(Process child) {
    for (String name : List.of("TERM", "INT")) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(child.pid())).start();
          } catch (IOException e) {
            child.destroy(); // no kill command: SIGTERM at least
          }
        });
      } catch (IllegalArgumentException e) {
        // reserved by the JVM (-Xrs): the default applies
      }
    }
  }

  /**
   * This JVM's command line for {@code main} again: the JIT options first when there are few cores
   * and the user gave none of their own, then the user's JVM options (which win), class path, main
   * class and arguments.
   */
  static List<String> relaunchCommand(Class<?> main, String[] args, List<String> jvmOptions, int cores) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (cores <= FEW_CORES
        && jvmOptions.stream().noneMatch(o -> o.startsWith("-XX:Tier") || o.contains("TieredCompilation"))) {
      command.addAll(RECOMMENDED_JIT_OPTIONS);
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return command;
  }
}
