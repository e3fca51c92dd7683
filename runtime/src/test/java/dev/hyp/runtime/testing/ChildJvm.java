package dev.hyp.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A test class's {@code main} in a child JVM on this one's class path, for what a JVM decides once, when
 * it starts (ND4J's patches, its native build, OpenBLAS's kernels): the child must exit 0 within three
 * minutes, and its output (standard error included) is returned.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The child's output, run with {@code jvmOptions}, its environment changed by {@code environment}. */
  public static String output(Class<?> main, List<String> jvmOptions, Consumer<Map<String, String>> environment,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.accept(builder.environment());
    Process child = builder.start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), out);
    assertEquals(0, child.exitValue(), out);
    return out;
  }

  /** The child's lines of the form {@code name=value} (a name of letters, digits and dots), in order. */
  public static Map<String, String> values(Class<?> main, List<String> jvmOptions,
      Consumer<Map<String, String>> environment, String... args) throws IOException, InterruptedException {
    Map<String, String> lines = new LinkedHashMap<>();
    output(main, jvmOptions, environment, args).lines().filter(l -> l.matches("[A-Za-z][A-Za-z0-9.]*=.*"))
        .forEach(l -> lines.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    return lines;
  }

  /** One OpenMP thread, as `hyp run`'s environment has. */
  public static void oneThread(Map<String, String> environment) {
    environment.put("OMP_NUM_THREADS", "1");
  }
}
