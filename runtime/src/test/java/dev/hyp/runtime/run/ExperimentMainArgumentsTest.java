package dev.hyp.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a generated jar reads from its own arguments before it chooses its JVM's options. */
class ExperimentMainArgumentsTest {
  @Test
  void parallelComesFromTheCommandLineElseTheSpec() {
    assertEquals(2, ExperimentMain.parallelArgument(new String[] {"--trials", "4", "--parallel", "2"}, 1));
    assertEquals(3, ExperimentMain.parallelArgument(new String[] {"--parallel=3"}, 1));
    assertEquals(4, ExperimentMain.parallelArgument(new String[] {"--trials", "9"}, 4), "the spec's");
    assertEquals(1, ExperimentMain.parallelArgument(new String[] {"--parallel", "two"}, 4), "reported by picocli");
  }
}
