package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM's options chosen from a search's data, and `hyp run`'s child JVM that gets them. */
class JvmChoiceTest {
  private static final long MB = 1L << 20;
  private static final long GB = 1L << 30;

  @Test
  void smallDataOnTwoCoresKeepsC1AndLargeDataGetsC2() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dorg.bytedeco.javacpp.maxBytes=0"),
        JvmChoice.options(124_435, 2, 24 * GB, List.of())); // breast_cancer.csv
    List<String> large = JvmChoice.options(17 * MB, 2, 24 * GB, List.of()); // 50,000 rows x 40
    assertEquals(List.of("-Xmx648m", "-Dorg.bytedeco.javacpp.maxBytes=0"), large);
    assertFalse(JvmChoice.options(10_000, 16, 24 * GB, List.of()).contains("-XX:TieredStopAtLevel=1"),
        "C2 on many cores");
  }

  @Test
  void theHeapGrowsWithTheDataUpToAQuarterOfTheMachine() {
    assertEquals(512 * MB, JvmChoice.heapBytes(0, 24 * GB));
    assertEquals(512 * MB + 1600 * MB, JvmChoice.heapBytes(200 * MB, 24 * GB));
    assertEquals(2 * GB, JvmChoice.heapBytes(5 * GB, 8 * GB));
    assertEquals(512 * MB, JvmChoice.heapBytes(5 * GB, GB), "never below the least heap");
  }

  @Test
  void theUsersOptionsWinKindByKind() {
    List<String> user = List.of("-XX:TieredStopAtLevel=4", "-Xmx3g", "-Dorg.bytedeco.javacpp.maxBytes=6g");
    assertEquals(List.of(), JvmChoice.options(100, 2, 24 * GB, user));
    assertEquals(List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.maxBytes=0"),
        JvmChoice.options(100, 2, 24 * GB, List.of("-XX:-TieredCompilation")));
  }

  @Test
  void aJvmCloseEnoughIsKept() {
    List<String> launcher = List.of("-Dhyp.jvm.choose=true", "-Xmx768m", "-XX:TieredStopAtLevel=1");
    List<String> small = JvmChoice.options(124_435, 2, 24 * GB, List.of());
    assertTrue(JvmChoice.satisfied(small, launcher, 768 * MB, List.of()));
    List<String> large = JvmChoice.options(17 * MB, 2, 24 * GB, List.of());
    assertFalse(JvmChoice.satisfied(large, launcher, 768 * MB, List.of()), "C1 where C2 is chosen");
    List<String> huge = JvmChoice.options(200 * MB, 2, 24 * GB, List.of("-XX:TieredStopAtLevel=1"));
    assertFalse(JvmChoice.satisfied(huge, launcher, 768 * MB, List.of("-XX:TieredStopAtLevel=1")), "heap too small");
    assertTrue(JvmChoice.satisfied(JvmChoice.options(17 * MB, 2, 24 * GB, List.of("-XX:TieredStopAtLevel=1")),
        launcher, 768 * MB, List.of("-XX:TieredStopAtLevel=1")), "the user's C1 stays");
  }

  @Test
  void theRelaunchReplacesTheLaunchersDefaultsAndKeepsTheUsers() {
    List<String> current = List.of("-Dhyp.jvm.choose=true", "-Xmx768m", "-Dorg.bytedeco.javacpp.maxBytes=0",
        "-XX:TieredStopAtLevel=1", "-Dhyp.nd4j.libnd4jAssign=true");
    List<String> command = JvmChoice.relaunchCommand("java", current, List.of("-Xmx648m",
        "-Dorg.bytedeco.javacpp.maxBytes=0"), List.of("-Dhyp.nd4j.libnd4jAssign=true"), "cp.jar",
        List.of("dev.hyp.cli.Main", "run", "a b.hyp"));
    assertEquals(List.of("java", "-Dhyp.jvm.choose=true", "-Dhyp.nd4j.libnd4jAssign=true", "-Xmx648m",
        "-Dorg.bytedeco.javacpp.maxBytes=0", "-cp", "cp.jar", "dev.hyp.cli.Main", "run", "a b.hyp"), command);
    List<String> userC1 = JvmChoice.relaunchCommand("java", current, List.of("-Xmx2112m"),
        List.of("-XX:TieredStopAtLevel=1"), "cp.jar", List.of("Main"));
    assertTrue(userC1.contains("-XX:TieredStopAtLevel=1"), userC1.toString());
    assertFalse(userC1.contains("-Xmx768m"), userC1.toString());
  }

  /** A child JVM started as the launcher starts `hyp run` gets the options chosen for large data, and its exit code. */
  @Test
  void largeDataRunsInAChildJvmWithC2AndTheChosenHeap() throws Exception {
    Map<String, String> large = probe(50 * MB, null);
    assertEquals("true", large.get("child"), large.toString());
    assertEquals("false", large.get("c1"));
    assertEquals(String.valueOf(JvmChoice.heapBytes(50 * MB, MachineMemory.total().orElse(0)) >> 20), large.get("xmx"));
    assertEquals("a b|c", large.get("args"), "the arguments as given");
    assertEquals("3", large.get("exit"), "the child's exit code");

    Map<String, String> small = probe(1000, null);
    assertEquals("false", small.get("child"), small.toString());
    assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors() <= 2), small.get("c1"));

    Map<String, String> userC1 = probe(50 * MB, "-XX:TieredStopAtLevel=1 -Xmx768m");
    assertEquals("false", userC1.get("child"), "HYP_JAVA_OPTS wins: " + userC1);
    assertEquals("true", userC1.get("c1"));
  }

  /**
   * The launcher's next start of a command line that relaunched takes the kept options at once (RememberedJvmChoice),
   * and that JVM, right for the data, runs the search itself; for other data it relaunches, and the file follows.
   */
  @Test
  void aRememberedChoiceStartsTheRightJvmAtOnceAndIsCheckedAgain(@org.junit.jupiter.api.io.TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("choices").resolve("123");
    List<String> launchers = new ArrayList<>(LAUNCHERS);
    launchers.add("-D" + RememberedJvmChoice.SWITCH + "=" + file);
    String large = 200 * MB + ":1:true";
    Map<String, String> first = probe(launchers, large, "-Dhyp.user=1");
    assertEquals("true", first.get("child"), "the first start relaunches: " + first);
    List<String> kept = java.nio.file.Files.readAllLines(file);
    assertTrue(kept.contains("-Xmx" + first.get("xmx") + "m") && !kept.contains("-XX:TieredStopAtLevel=1"), kept.toString());
    assertTrue(kept.containsAll(JvmChoice.SHARED_CORES_INLINING), kept.toString());
    assertFalse(kept.contains("-Dhyp.user=1"), "the launcher adds the user's options itself: " + kept);
    assertTrue(kept.contains("-D" + RememberedJvmChoice.SWITCH + "=" + file), kept.toString());

    Map<String, String> next = probe(kept, large, "-Dhyp.user=1");
    assertEquals("false", next.get("child"), "the kept options are the data's: no relaunch: " + next);
    assertEquals(first.get("xmx"), next.get("xmx"));
    assertEquals("3", next.get("exit"));

    Map<String, String> small = probe(kept, "1000:1:true", "-Dhyp.user=1");
    assertEquals("true", small.get("child"), "small data after a large data's choice relaunches: " + small);
    assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors() <= 2), small.get("c1"));
    assertFalse(small.get("options").contains("InlineSize"), "the large data's inlining limits are dropped: " + small);
    assertTrue(java.nio.file.Files.readAllLines(file).stream().noneMatch(o -> o.contains("InlineSize")),
        "and the file keeps the new choice");

    Map<String, String> withoutSwitch = probe(large, null);
    assertEquals("true", withoutSwitch.get("child"));
    assertEquals(1, java.nio.file.Files.list(file.getParent()).count(), "nothing kept unless the launcher asks");
  }

  @Test
  void keptOptionsAreTheCommandsJvmOptionsWithoutTheUsers() {
    List<String> command = List.of("java", "-Da=1", "-Xmx2g", "-Du=2", "-cp", "x.jar", "Main", "-Dnot=an option");
    assertEquals(List.of("-Da=1", "-Xmx2g"), RememberedJvmChoice.jvmOptions(command, List.of("-Du=2")));
    assertEquals(List.of(), RememberedJvmChoice.jvmOptions(List.of("java", "-Dv=a\nb", "-cp",
        "x", "Main"), List.of()), "an option of two lines is not kept");
  }

  /** A JVM from a remembered choice may carry another data size's tuning: exactly the chosen ones, or a relaunch. */
  @Test
  void onlyTheChosenInliningAndThresholdsSatisfy() {
    List<String> chosen = new ArrayList<>(JvmChoice.options(17 * MB, 2, 24 * GB, List.of()));
    List<String> c2 = List.of("-Dhyp.jvm.choose=true", "-Xmx648m");
    List<String> tuned = new ArrayList<>(c2);
    tuned.addAll(JvmChoice.SHARED_CORES_INLINING);
    assertTrue(JvmChoice.satisfied(chosen, c2, 648 * MB, List.of()));
    assertFalse(JvmChoice.satisfied(chosen, tuned, 648 * MB, List.of()), "limits not chosen");
    assertTrue(JvmChoice.satisfied(chosen, tuned, 648 * MB, JvmChoice.SHARED_CORES_INLINING), "the user's stay");
    List<String> relaunch = JvmChoice.relaunchCommand("java", tuned, chosen, List.of(), "cp.jar", List.of("Main"));
    assertTrue(relaunch.stream().noneMatch(JvmChoice.SHARED_CORES_INLINING::contains), relaunch.toString());
    List<String> thresholds = new ArrayList<>(c2);
    thresholds.addAll(JvmChoice.SHARED_CORES_THRESHOLDS);
    assertFalse(JvmChoice.satisfied(chosen, thresholds, 648 * MB, List.of()), "thresholds not chosen");
    assertTrue(JvmChoice.relaunchCommand("java", thresholds, chosen, List.of(), "cp.jar", List.of("Main")).stream()
        .noneMatch(JvmChoice.SHARED_CORES_THRESHOLDS::contains));
    List<String> user = List.of("-XX:MaxInlineSize=20");
    assertTrue(JvmChoice.relaunchCommand("java", tuned, chosen, user, "cp.jar", List.of("Main"))
        .contains("-XX:MaxInlineSize=20"), "the user's limit stays");
  }

  /** Long trials on every core at once: C2 inlines less, so that its compiler takes less of their CPU. */
  @Test
  void longTrialsOnEveryCoreGetSmallerInliningLimits() {
    List<String> limits = List.of("-XX:MaxInlineSize=20", "-XX:FreqInlineSize=50", "-XX:InlineSmallCode=500");
    List<String> thresholds = List.of("-XX:Tier4InvocationThreshold=15000", "-XX:Tier4MinInvocationThreshold=1800",
        "-XX:Tier4CompileThreshold=45000", "-XX:Tier4BackEdgeThreshold=120000");
    List<String> everyCore = new java.util.ArrayList<>(limits);
    everyCore.addAll(thresholds);
    assertEquals(everyCore, JvmChoice.sharedCoresInliningOptions(17 * MB, 2, 2, true, List.of()),
        "50,000 x 40, parallel = 2: less inlining and fewer C2 compiles");
    assertEquals(everyCore, JvmChoice.sharedCoresInliningOptions(17 * MB, 4, 6, true, List.of()));
    assertEquals(limits, JvmChoice.sharedCoresInliningOptions(17 * MB, 2, 2, true,
        List.of("-XX:Tier4InvocationThreshold=5000")), "the user's thresholds");
    assertEquals(everyCore, JvmChoice.sharedCoresInliningOptions(200 * MB, 2, 2, true, List.of()));
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(17 * MB, 2, 1, true, List.of()), "a core left for C2");
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(17 * MB, 4, 2, true, List.of()));
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(124_435, 2, 2, true, List.of()), "short trials: C1");
    List<String> userC1 = List.of("-XX:TieredStopAtLevel=1");
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(17 * MB, 2, 2, true, userC1), "the user's JIT");
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(17 * MB, 2, 2, true, List.of("-XX:MaxInlineSize=35")),
        "the user's inlining");
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(24 * MB, 2, 2, false, List.of()),
        "images: a CNN's Java loops want C2's inlining");
    assertEquals(limits, JvmChoice.sharedCoresInliningOptions(200 * MB, 2, 1, true, List.of()),
        "a 200 MB table one trial at a time: its cold load compiles less");
    assertEquals(limits, JvmChoice.sharedCoresInliningOptions(JvmChoice.LARGE_LOAD_BYTES, 8, 1, true, List.of()));
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(JvmChoice.LARGE_LOAD_BYTES - 1, 8, 1, true,
        List.of()));
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(200 * MB, 2, 1, false, List.of()), "images");
    assertEquals(List.of(), JvmChoice.sharedCoresInliningOptions(200 * MB, 2, 1, true, userC1), "the user's JIT");

    List<String> chosen = new ArrayList<>(JvmChoice.options(17 * MB, 2, 24 * GB, List.of()));
    chosen.addAll(limits);
    List<String> c2 = List.of("-Dhyp.jvm.choose=true", "-Xmx648m", "-Dorg.bytedeco.javacpp.maxBytes=0");
    assertFalse(JvmChoice.satisfied(chosen, c2, 648 * MB, List.of()), "C2 with the JVM's inlining");
    List<String> lean = new ArrayList<>(c2);
    lean.addAll(limits);
    assertTrue(JvmChoice.satisfied(chosen, lean, 648 * MB, List.of()));
  }

  /** `hyp run` with `parallel = 2` on large data: the child JVM gets the limits when the trials take every core. */
  @Test
  void parallelTrialsOnEveryCoreRunInAChildJvmWithTheInliningLimits() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, String> shared = probe(50 * MB + ":" + cores + ":true", null);
    assertEquals("true", shared.get("child"), shared.toString());
    assertTrue(shared.get("options").contains("-XX:MaxInlineSize=20 -XX:FreqInlineSize=50 -XX:InlineSmallCode=500"),
        shared.toString());
    if (cores > 1) {
      Map<String, String> one = probe(50 * MB + ":1:true", null);
      assertFalse(one.get("options").contains("-XX:MaxInlineSize"), one.toString());
    }
  }

  @Test
  void fewCoresGetTheSerialCollectorAndTheInitialHeapFollowsTheData() {
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms32m"), JvmChoice.footprintOptions(124_435, 2, 24 * GB, List.of()));
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 24 * GB, List.of()));
    assertEquals(List.of("-Xms66m"), JvmChoice.footprintOptions(17 * MB, 16, 24 * GB, List.of()), "G1 on many cores");
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms2048m"), JvmChoice.footprintOptions(5 * GB, 2, 8 * GB, List.of()),
        "never above the maximum heap");
  }

  /**
   * Long tabular trials on every core of few: a young generation of 64 MB, whose collections (each stopping every
   * trial) come a third as often, and the initial heap that much larger; one trial at a time, images, short trials,
   * many cores, or the user's heap or collector: the JVM's young generation.
   */
  @Test
  void longTabularTrialsOnEveryCoreGetALargerYoungGeneration() {
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms130m", "-Xmn64m"),
        JvmChoice.footprintOptions(17 * MB, 2, 2, true, 24 * GB, List.of()), "50,000 x 40, parallel = 2");
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 1, true, 24 * GB,
        List.of()), "one trial at a time");
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 2, false, 24 * GB,
        List.of()), "images");
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms32m"), JvmChoice.footprintOptions(124_435, 2, 2, true, 24 * GB,
        List.of()), "short trials");
    assertEquals(List.of("-Xms66m"), JvmChoice.footprintOptions(17 * MB, 16, 16, true, 24 * GB, List.of()),
        "G1 sizes its own young generation on many cores");
    assertEquals(List.of("-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 2, true, 24 * GB,
        List.of("-XX:+UseG1GC")), "the user's collector");
    assertEquals(List.of("-XX:+UseSerialGC"), JvmChoice.footprintOptions(17 * MB, 2, 2, true, 24 * GB,
        List.of("-Xmn32m")), "the user's young generation");
    assertEquals(List.of("-XX:+UseSerialGC", "-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 2, true, 24 * GB,
        List.of("-XX:NewRatio=3")));
    List<String> chosen = List.of("-XX:+UseSerialGC", "-Xms130m", "-Xmn64m");
    assertFalse(JvmChoice.satisfied(chosen, List.of("-XX:+UseSerialGC", "-Xms130m"), 648 * MB, List.of()),
        "a JVM without the young generation starts again");
    assertFalse(JvmChoice.satisfied(List.of("-XX:+UseSerialGC", "-Xms66m"), chosen, 648 * MB, List.of()),
        "a remembered young generation another search chose starts again without it");
    assertTrue(JvmChoice.satisfied(chosen, chosen, 648 * MB, List.of()));
  }

  /** Small data on few cores: a heap close to what stays alive (35 MB instead of 50 MB for breast_cancer). */
  @Test
  void smallDataOnFewCoresKeepsLittleOfTheHeapFree() {
    List<String> ratios = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    assertEquals(ratios, JvmChoice.heapRatioOptions(124_435, 2, List.of()));
    assertEquals(List.of(), JvmChoice.heapRatioOptions(17 * MB, 2, List.of()), "large data grows its heap freely");
    assertEquals(List.of(), JvmChoice.heapRatioOptions(124_435, 16, List.of()), "G1 on many cores");
    assertEquals(List.of(), JvmChoice.heapRatioOptions(124_435, 2, List.of("-XX:MaxHeapFreeRatio=50")), "the user's");
  }

  /** The `hyp` launcher starts `run` with the same ratios, and a relaunch for large data leaves them out. */
  @Test
  void theLaunchersHeapRatiosAreTheSmallDataOnesAndALargeDataRelaunchDropsThem() throws Exception {
    String launcher = java.nio.file.Files.readString(java.nio.file.Path.of("..", "hyp"));
    assertTrue(launcher.contains("jvm_options+=(\"" + String.join("\" \"", JvmChoice.SMALL_DATA_HEAP_RATIOS) + "\")"),
        "the launcher's `run` options");
    List<String> current = List.of("-Xmx768m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-Dx=1");
    assertEquals(List.of("java", "-Dx=1", "-Xmx648m", "-cp", "cp.jar", "Main"),
        JvmChoice.relaunchCommand("java", current, List.of("-Xmx648m"), List.of(), "cp.jar", List.of("Main")));
    List<String> user = List.of("-XX:MaxHeapFreeRatio=30");
    assertTrue(JvmChoice.relaunchCommand("java", current, List.of("-Xmx648m"), user, "cp.jar", List.of("Main"))
        .contains("-XX:MaxHeapFreeRatio=30"), "the user's ratio stays");
  }

  @Test
  void theUsersCollectorAndHeapWin() {
    assertEquals(List.of("-Xms66m"), JvmChoice.footprintOptions(17 * MB, 2, 24 * GB, List.of("-XX:+UseG1GC")));
    assertEquals(List.of("-XX:+UseSerialGC"), JvmChoice.footprintOptions(17 * MB, 2, 24 * GB, List.of("-Xmx300m")),
        "an -Xms above the user's -Xmx would not start");
    assertEquals(List.of("-XX:+UseSerialGC"), JvmChoice.footprintOptions(17 * MB, 2, 24 * GB, List.of("-Xms1g")));
    assertEquals(List.of(), JvmChoice.footprintOptions(17 * MB, 2, 24 * GB,
        List.of("-XX:+UseParallelGC", "-XX:InitialHeapSize=100m")));
  }

  /**
   * Large data: `hyp run` starts again with the chosen options in place of itself, so no JVM waits,
   * resident, for the search: the same pid, the collector and initial heap chosen for few cores.
   */
  @Test
  void theRelaunchReplacesTheProcessInsteadOfWaitingForAChild() throws Exception {
    Map<String, String> large = probe(17 * MB, null);
    assertEquals("true", large.get("child"), large.toString());
    assertEquals(large.get("launched"), large.get("pid"), "the search runs in the process started");
    assertEquals("3", large.get("exit"));
    assertTrue(large.get("options").contains("-Xms66m"), large.toString());
    if (Runtime.getRuntime().availableProcessors() <= Dl4jEnvironment.FEW_CORES) {
      assertEquals("Copy,MarkSweepCompact", large.get("gc"), "the serial collector: " + large);
    }
  }

  /** Run in the child JVMs: as `hyp run` does after reading the spec, with the data's size as the first argument. */
  static final class Probe {
    public static void main(String[] args) {
      String[] work = args[0].split(":"); // BYTES or BYTES:PARALLEL:TABULAR
      int code = work.length == 1 ? Dl4jEnvironment.relaunchForWork(Long.parseLong(work[0]))
          : Dl4jEnvironment.relaunchForWork(Long.parseLong(work[0]), Integer.parseInt(work[1]),
              Boolean.parseBoolean(work[2]));
      if (code >= 0) {
        System.exit(code);
      }
      List<String> options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
      System.out.println("child=" + (System.getenv(Dl4jEnvironment.MARKER) != null));
      System.out.println("c1=" + options.contains("-XX:TieredStopAtLevel=1"));
      System.out.println("xmx=" + options.stream().filter(o -> o.startsWith("-Xmx")).reduce((a, b) -> b)
          .map(o -> o.substring(4, o.length() - 1)).orElse(""));
      System.out.println("args=" + String.join("|", List.of(args).subList(1, args.length)));
      System.out.println("pid=" + ProcessHandle.current().pid());
      System.out.println("options=" + String.join(" ", options));
      System.out.println("gc=" + String.join(",", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
          .stream().map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
      System.exit(3);
    }
  }

  private static Map<String, String> probe(long dataBytes, String userOptions) throws Exception {
    return probe(String.valueOf(dataBytes), userOptions);
  }

  /** The options the `hyp` launcher starts `run` with, as far as the choice goes. */
  private static final List<String> LAUNCHERS = List.of("-Dhyp.jvm.choose=true", "-Xmx768m",
      "-Dorg.bytedeco.javacpp.maxBytes=0", "-XX:TieredStopAtLevel=1");

  private static Map<String, String> probe(String work, String userOptions) throws Exception {
    return probe(LAUNCHERS, work, userOptions);
  }

  private static Map<String, String> probe(List<String> jvmOptions, String work, String userOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    if (userOptions != null) {
      command.addAll(List.of(userOptions.split(" ")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(),
        work, "a b", "c"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(Dl4jEnvironment.MARKER);
    if (userOptions == null) {
      builder.environment().remove("HYP_JAVA_OPTS");
    } else {
      builder.environment().put("HYP_JAVA_OPTS", userOptions);
    }
    Process child = builder.start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(2, TimeUnit.MINUTES));
    Map<String, String> lines = new LinkedHashMap<>();
    out.lines().filter(l -> l.matches("[a-z0-9]+=.*"))
        .forEach(l -> lines.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    lines.put("exit", String.valueOf(child.exitValue()));
    lines.put("launched", String.valueOf(child.pid()));
    return lines;
  }
}
