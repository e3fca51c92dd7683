package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs `hyp` commands in-process with captured output, as a user would see them. */
class CliTest {
  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  static Run hyp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String CLEAN = """
      experiment tiny {
        data {
          source = csv("t.csv", label = "y")
        }
        params {
          lr = loguniform(1e-4, 1e-1)
        }
        model {
          updater = adam(lr = lr)
          dense(units = 8)
          output(activation = softmax, loss = mcxent)
        }
        objective = maximize accuracy on validation
      }
      """;

  @Test
  void checkOfACleanSpecExitsZeroAndSaysOk() throws IOException {
    write("t.csv", "a,y\n1,x\n");
    Path spec = write("tiny.hyp", CLEAN);
    Run run = hyp("check", spec.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(spec + ": ok\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void checkOfASpecWithAnErrorExitsOneWithTheRenderedDiagnostic() throws IOException {
    write("t.csv", "a,y\n1,x\n");
    Path spec = write("bad.hyp", CLEAN.replace("dense(units = 8)", "dense(units = 8, activation = reluu)"));
    Run run = hyp("check", spec.toString());
    assertEquals(1, run.exit());
    assertEquals("""
        error[HYP012]: unknown activation `reluu`
          --> %s:10:35
           |
        10 |     dense(units = 8, activation = reluu)
           |                                   ^^^^^ not an activation
           = help: did you mean `relu`?

        %s: 1 error
        """.formatted(spec, spec), run.err());
  }

  @Test
  void warningsAloneStillExitZero() throws IOException {
    write("t.csv", "a,y\n1,x\n");
    Path spec = write("warn.hyp", CLEAN.replace("    lr = loguniform(1e-4, 1e-1)\n",
        "    lr = loguniform(1e-4, 1e-1)\n    unused = int(1, 4)\n"));
    Run run = hyp("check", spec.toString());
    assertEquals(0, run.exit());
    assertTrue(run.err().contains("warning[HYP100]: parameter `unused` is never used"), run.err());
    assertEquals(spec + ": ok, 1 warning\n", run.out());
  }

  @Test
  void anUnreadableFileExitsTwoWithoutAStackTrace() {
    Run run = hyp("check", dir.resolve("missing.hyp").toString());
    assertEquals(2, run.exit());
    assertEquals("hyp: cannot read " + dir.resolve("missing.hyp") + ": no such file\n", run.err());
  }

  @Test
  void aMissingDataFileOrLabelColumnIsBadDataExitingTwoFromCheckAndRun() throws IOException {
    Path spec = write("tiny.hyp", CLEAN);
    Run check = hyp("check", spec.toString());
    assertEquals(2, check.exit(), check.err());
    assertTrue(check.err().contains("error[HYP070]: data file `t.csv` not found"), check.err());
    Run run = hyp("run", spec.toString(), "--trials", "1", "--out", dir.resolve("run").toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("error[HYP070]"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(Files.exists(dir.resolve("run")));

    write("t.csv", "a,kind\n1,x\n");
    Run noLabel = hyp("run", spec.toString(), "--trials", "1", "--out", dir.resolve("run").toString());
    assertEquals(2, noLabel.exit(), noLabel.err());
    assertTrue(noLabel.err().contains("error[HYP071]: `t.csv` has no column `y`"), noLabel.err());

    // a spec with a mistake of its own as well still says 2: the data must be fixed too
    Path both = write("both.hyp", CLEAN.replace("dense(units = 8)", "dense(units = 8, activation = reluu)"));
    assertEquals(2, hyp("check", both.toString()).exit());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Run run = hyp("check", "--no-such-option", "x.hyp");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err());
  }

  @Test
  void jsonFormatGivesEveryFieldEditorsNeed() throws IOException {
    write("t.csv", "a,y\n1,x\n");
    Path spec = write("bad.hyp", CLEAN.replace("loguniform(1e-4, 1e-1)", "loguniform(0, 1)"));
    Run run = hyp("check", "--format", "json", spec.toString());
    assertEquals(1, run.exit());
    JsonNode diagnostics = new ObjectMapper().readTree(run.out());
    assertEquals(1, diagnostics.size(), run.out());
    JsonNode d = diagnostics.get(0);
    assertEquals(spec.toString(), d.get("file").asText());
    assertEquals(6, d.get("line").asInt());
    assertEquals(21, d.get("column").asInt());
    assertEquals(6, d.get("endLine").asInt());
    assertEquals(22, d.get("endColumn").asInt());
    assertEquals("error", d.get("severity").asText());
    assertEquals("HYP031", d.get("code").asText());
    assertEquals("`loguniform` needs a positive low end, found `0`", d.get("message").asText());
    assertTrue(d.get("help").asText().contains("small positive number"));
  }

  @Test
  void jsonOfCleanFilesIsAnEmptyArray() throws IOException {
    write("t.csv", "a,y\n1,x\n");
    Path spec = write("tiny.hyp", CLEAN);
    Run run = hyp("check", "--format", "json", spec.toString());
    assertEquals(0, run.exit());
    assertEquals(0, new ObjectMapper().readTree(run.out()).size());
  }

  @Test
  void fmtRewritesToTheCanonicalLayoutAndCheckModeChangesNothing() throws IOException {
    String messy = "experiment  tiny{\n  data{source=csv(\"t.csv\",label=\"y\")}   // where\n"
        + "model{dense(units=8)\noutput(activation=softmax,loss=mcxent)}\nobjective=maximize accuracy on validation}\n";
    Path spec = write("messy.hyp", messy);
    Run check = hyp("fmt", "--check", spec.toString());
    assertEquals(1, check.exit());
    assertEquals("would reformat " + spec + "\n", check.out());
    assertEquals(messy, Files.readString(spec));

    Run fmt = hyp("fmt", spec.toString());
    assertEquals(0, fmt.exit(), fmt.err());
    assertEquals("""
        experiment tiny {
          data {
            source = csv("t.csv", label = "y")
          }  // where
          model {
            dense(units = 8)
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """, Files.readString(spec));
    assertEquals(0, hyp("fmt", "--check", spec.toString()).exit());
  }

  @Test
  void fmtLeavesAFileWithASyntaxErrorUntouched() throws IOException {
    String broken = "experiment x {\n  data {\n";
    Path spec = write("broken.hyp", broken);
    Run run = hyp("fmt", spec.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("error[HYP006]"), run.err());
    assertEquals(broken, Files.readString(spec));
  }

  @Test
  void versionAndHelp() {
    Run version = hyp("--version");
    assertEquals(0, version.exit());
    assertTrue(version.out().startsWith("hyp "), version.out());
    Run help = hyp("--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("check") && help.out().contains("fmt"), help.out());
    Run checkHelp = hyp("check", "--help");
    assertTrue(checkHelp.out().contains("--format"), checkHelp.out());
    assertFalse(checkHelp.out().isBlank());
  }

  @Test
  void sparkOptionsWithoutTheSparkModuleSayWhatIsMissing() throws IOException {
    // this module's tests run without hyp's spark module and Spark: both --spark options refuse clearly
    StringBuilder csv = new StringBuilder("a,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(',').append(i % 2 == 0 ? "x" : "z").append('\n');
    }
    write("t.csv", csv.toString());
    Path spec = write("tiny.hyp", CLEAN);
    Run compile = hyp("compile", spec.toString(), "--spark", "-o", dir.resolve("build").toString());
    assertEquals(ExitCode.BAD_INPUT.code(), compile.exit(), compile.out() + compile.err());
    assertTrue(compile.err().contains("--spark needs hyp's spark module"), compile.err());
    assertFalse(Files.exists(dir.resolve("build/tiny.jar")));

    Run run = hyp("run", spec.toString(), "--spark", "local[2]", "--trials", "1", "--out", dir.resolve("run").toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("--spark needs hyp's spark module and Apache Spark on the classpath"), run.err());
    assertTrue(hyp("run", "--help").out().contains("--spark[=MASTER]"));
  }
}
