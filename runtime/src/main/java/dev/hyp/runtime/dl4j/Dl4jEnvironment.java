package dev.hyp.runtime.dl4j;

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
  static final String MARKER = "HYP_RELAUNCHED";

  /** Whether every recommended variable is set (to anything: the user's choice wins). */
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
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    RECOMMENDED.forEach((k, v) -> pb.environment().putIfAbsent(k, v));
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
