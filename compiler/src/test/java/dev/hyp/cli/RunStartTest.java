package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `hyp run` does before its first trial, in real child JVMs as the launcher starts them: ND4J's start begins
 * before javac, a spec run before loads its kept classes instead of compiling, and what the run reports (bad
 * data: exit 2, one line naming the file) is the same with the kept classes as without.
 */
class RunStartTest {
  @TempDir
  Path dir;

  private static final String SPEC = """
      experiment tiny {
        seed = 1
        data {
          source = csv("t.csv", label = "y")
          split  = holdout(validation = 0.3)
        }
        params {
          lr = loguniform(1e-3, 1e-1)
        }
        model {
          updater = sgd(lr = lr)
          dense(units = 4)
          output(activation = softmax, loss = mcxent)
        }
        train {
          epochs = 1
          batch  = 4
        }
        search random {
          trials = 1
        }
        objective = maximize accuracy on validation
      }
      """;

  record Run(int exit, String out, String err) {}

  private Run hypRun(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-D" + RunCommand.COMPILED_CLASSES + "=" + dir.resolve("classes"),
        "-D" + dev.hyp.runtime.run.StartTimeline.SWITCH + "=true",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process child = builder.start();
    assertTrue(child.waitFor(3, TimeUnit.MINUTES), "hyp run ended");
    return new Run(child.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Path spec() throws IOException {
    StringBuilder rows = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1,x\n" : "1." + i + ",0,z\n");
    }
    Files.writeString(dir.resolve("t.csv"), rows);
    return Files.writeString(dir.resolve("tiny.hyp"), SPEC);
  }

  private static List<String> phases(String err) {
    return err.lines().filter(l -> l.startsWith("hyp-start:") && l.contains("]: "))
        .map(l -> l.substring(l.indexOf("]: ") + 3)).toList();
  }

  private static List<String> withoutTimeline(String text) {
    return text.lines().filter(l -> !l.startsWith("hyp-start:")).map(l -> l.replaceAll("\\d+\\.\\d+ ?s\\b", "T"))
        .map(l -> l.replaceAll("\\d+(\\.\\d+)?(ms| ms)", "T")).toList();
  }

  @Test
  void nd4jStartsBeforeJavacAndASecondRunLoadsTheKeptClasses() throws Exception {
    Path spec = spec();
    Run first = hypRun(spec.toString(), "--out", dir.resolve("run1").toString());
    assertEquals(0, first.exit(), first.out() + first.err());
    List<String> phases = phases(first.err());
    assertTrue(phases.indexOf("nd4j start begins") >= 0 && phases.indexOf("compiled by javac") >= 0, phases.toString());
    assertTrue(phases.indexOf("checked") < phases.indexOf("compiled by javac"), phases.toString());
    assertTrue(first.err().lines().anyMatch(l -> l.contains("nd4j start begins"))
        && phaseLine(first.err(), "nd4j start begins") < phaseLine(first.err(), "compiled by javac"),
        "ND4J's start begins before javac has compiled: " + first.err());
    assertTrue(Files.list(dir.resolve("classes")).findAny().isPresent(), "javac's output kept");
    assertTrue(phases.contains("sqlite started"), "SQLite's driver loaded on a thread of its own: " + phases);
    assertTrue(phases.indexOf("sqlite loads, nd4j started") >= 0
        && phases.indexOf("sqlite loads, nd4j started") < phases.indexOf("sqlite started"),
        "SQLite's native library loads only after ND4J's start (two at once can deadlock in glibc): " + phases);

    Run second = hypRun(spec.toString(), "--out", dir.resolve("run2").toString());
    assertEquals(0, second.exit(), second.out() + second.err());
    assertTrue(phases(second.err()).contains("compiled classes taken from the cache"), second.err());
    assertFalse(phases(second.err()).contains("compiled by javac"), second.err());
    assertEquals(withoutTimeline(first.out().replace("run1", "runN")), withoutTimeline(second.out().replace("run2",
        "runN")), "the same report");
    assertEquals(withoutTimeline(first.err()), withoutTimeline(second.err()), "the same warnings, once");
  }

  @Test
  void badDataIsReportedAsWithoutTheKeptClasses() throws Exception {
    Path spec = spec();
    assertEquals(0, hypRun(spec.toString(), "--out", dir.resolve("run1").toString()).exit());
    Files.writeString(dir.resolve("t.csv"), "a,b,y\n1,2,x\n3,oops,z\n5,6,x\n");
    Run bad = hypRun(spec.toString(), "--out", dir.resolve("run2").toString());
    assertTrue(phases(bad.err()).contains("compiled classes taken from the cache"), bad.err());
    CliTest.Run here = CliTest.hyp("run", spec.toString(), "--out", dir.resolve("run3").toString());
    assertEquals(2, bad.exit(), bad.out() + bad.err());
    assertEquals(here.exit(), bad.exit());
    List<String> lines = bad.err().lines().filter(l -> !l.startsWith("hyp-start:")).toList();
    assertEquals(1, lines.size(), bad.err());
    assertTrue(lines.get(0).contains("t.csv") && lines.get(0).contains("row 3"), lines.get(0));
    assertEquals(here.err().strip(), lines.get(0).strip());
  }

  private static int phaseLine(String err, String phase) {
    List<String> lines = err.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("]: " + phase)) {
        return i;
      }
    }
    return -1;
  }
}
