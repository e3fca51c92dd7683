package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.bench.ThroughputBenchmark;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/** Every way into ND4J's native code keeps its op reachable until the call returns. */
class ReachableOpExecutionerTest {
  /**
   * ND4J 1.0.0-M2.1's single-argument execs of legacy ops, which only call a fenced overload
   * (read off their bytecode: exec(ReduceOp) calls exec(ReduceOp, OpContext), and so on).
   */
  private static final Set<String> DELEGATES = Set.of("exec(Op)", "exec(IndexAccumulation)", "exec(Variance)",
      "exec(ReduceOp)", "exec(ScalarOp)", "exec(BroadcastOp)", "exec(RandomOp)", "exec(RandomOp, Random)");

  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  @Test
  void everyPublicExecOfNd4jsExecutionerIsFencedOrOnlyDelegates() throws NoSuchMethodException {
    List<String> unfenced = new ArrayList<>();
    for (Method method : NativeOpExecutioner.class.getDeclaredMethods()) {
      if (!method.getName().equals("exec") || !Modifier.isPublic(method.getModifiers()) || method.isSynthetic()
          || DELEGATES.contains(signature(method))) {
        continue;
      }
      Method override = ReachableOpExecutioner.class.getMethod(method.getName(), method.getParameterTypes());
      if (override.getDeclaringClass() != ReachableOpExecutioner.class) {
        unfenced.add(signature(method));
      }
    }
    assertEquals(List.of(), unfenced, "reaches native code without a reachability fence");
  }

  @Test
  void theDelegatesStillExist() {
    // an ND4J upgrade that renames them must make this list be read again
    Set<String> declared = Arrays.stream(NativeOpExecutioner.class.getDeclaredMethods())
        .map(ReachableOpExecutionerTest::signature).collect(Collectors.toSet());
    for (String delegate : DELEGATES) {
      assertTrue(declared.contains(delegate), delegate);
    }
  }

  /**
   * Two trials at once with a tiny young generation, so that collections (and the deallocator's
   * sweeps) land in the middle of native calls all the time. Without the fences this child JVM
   * died in libnd4j in 4 of 6 runs (SIGSEGV in execBroadcast; ND4J's own deallocator and
   * executioner: 6 of 6); with them, 0 of 10.
   */
  @Test
  void twoTrialsUnderConstantCollectionsDoNotCrash(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder child = new ProcessBuilder(java, "-Xmn8m", "-cp", System.getProperty("java.class.path"),
        ThroughputBenchmark.class.getName(), "--worker", TestData.resource("breast_cancer.csv").toString(),
        "2", "400", "50");
    child.environment().put("OMP_NUM_THREADS", "1");
    child.redirectErrorStream(true);
    child.redirectOutput(dir.resolve("child.log").toFile());
    child.directory(dir.toFile()); // where a crash would leave its hs_err file
    Process process = child.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child did not finish");
    String log = Files.readString(dir.resolve("child.log"));
    assertEquals(0, process.exitValue(), log.lines().filter(l -> !l.contains("INFO")).limit(40)
        .collect(Collectors.joining("\n")));
    assertTrue(log.contains("\"trials\":400"), log);
  }

  @Test
  void theInstalledExecutionerIsFenced() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertTrue(org.nd4j.linalg.factory.Nd4j.getExecutioner() instanceof ReachableOpExecutioner);
  }
}
