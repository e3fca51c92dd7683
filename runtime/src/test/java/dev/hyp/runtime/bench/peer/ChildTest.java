package dev.hyp.runtime.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's resident memory: summed over a side's processes alive at once, and the largest one process. */
class ChildTest {
  @TempDir
  Path scratch;

  /** A JVM whose heap is all resident (pre-touched) for a little while. */
  private static String java() {
    return String.join(" ", javaCommand(Resident.class).stream().map(a -> "'" + a + "'").toList());
  }

  private static List<String> javaCommand(Class<?> main) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms96m", "-Xmx96m",
        "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName());
  }

  @Test
  void twoProcessesAreSummedAndTheLargestIsKept() {
    Child.Result two = Child.run(List.of("sh", "-c", java() + " & " + java() + " && wait $!"), Map.of(), scratch);
    assertEquals(0, two.exit(), two.err());
    assertTrue(two.maxProcessRssMb() >= 96, two.toString());
    assertTrue(two.peakRssMb() >= 1.8 * two.maxProcessRssMb(), two.toString());
  }

  @Test
  void aProcessThatReplacesItsProgramIsOneProcess() {
    Child.Result one = Child.run(List.of("sh", "-c", "exec " + java()), Map.of(), scratch);
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.maxProcessRssMb() >= 96, one.toString());
    assertEquals(one.maxProcessRssMb(), one.peakRssMb(), 0.001, "the shell's and the JVM's peaks are one process's");
  }

  /** The `hyp` launcher's helpers end before its JVM starts: processes one after the other do not add up. */
  @Test
  void processesOneAfterTheOtherAreNotSummed() {
    Child.Result sequential = Child.run(List.of("sh", "-c", java() + " && " + java()), Map.of(), scratch);
    assertEquals(0, sequential.exit(), sequential.err());
    assertTrue(sequential.maxProcessRssMb() >= 96, sequential.toString());
    assertTrue(sequential.peakRssMb() < 1.5 * sequential.maxProcessRssMb(), sequential.toString());
    assertTrue(sequential.peakRssMb() >= sequential.maxProcessRssMb(), sequential.toString());
  }

  /**
   * A JVM that starts short programs, as `hyp run` starts git: until its exec, a program started with
   * posix_spawn shares the JVM's memory, and its VmRSS reads as the JVM's. It is one process's memory.
   */
  @Test
  void aProgramStartedByTheProcessIsNotItsMemoryTwice() {
    Child.Result spawner = Child.run(javaCommand(Spawner.class), Map.of(), scratch);
    assertEquals(0, spawner.exit(), spawner.err());
    assertTrue(spawner.maxProcessRssMb() >= 96, spawner.toString());
    assertTrue(spawner.peakRssMb() < 1.3 * spawner.maxProcessRssMb(), spawner.toString());
  }

  /** Starts `true` again and again for two seconds, its pre-touched heap resident. */
  static final class Spawner {
    public static void main(String[] args) throws Exception {
      long end = System.nanoTime() + 2_000_000_000L;
      while (System.nanoTime() < end) {
        new ProcessBuilder("true").start().waitFor();
      }
    }
  }

  /** Holds its pre-touched heap long enough to be sampled. */
  static final class Resident {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(400);
    }
  }
}
