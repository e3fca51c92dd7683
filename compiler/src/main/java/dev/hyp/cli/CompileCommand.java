package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp compile FILE -o DIR`: the spec as Java, compiled into a runnable jar. */
@Command(name = "compile",
    description = "Compile a spec to Java and a runnable jar: java -jar DIR/NAME.jar runs the search.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compiled", "1:the spec has errors",
        "2:usage error, unreadable spec, missing data file or label column, unwritable output"})
final class CompileCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .hyp file.")
  Path file;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "build",
      description = "Where NAME.jar and lib/ go (default: ${DEFAULT-VALUE}).")
  Path directory;

  @Option(names = "--emit-sources", description = "Also write the generated Java under DIR/src.")
  boolean emitSources;

  @Option(names = "--fat", description = "One self-contained jar, libraries inside, instead of NAME.jar + lib/.")
  boolean fat;

  @Option(names = "--spark", description = "A jar for spark-submit: self-contained (implies --fat) with hyp's "
      + "Spark module inside and Spark itself left out; it trains its trials as Spark tasks (docs/spark.md).")
  boolean spark;

  @Override
  public Integer call() {
    PrintWriter out = common.out();
    PrintWriter err = common.err();
    Compiler compiler = new Compiler();
    CheckedSpec checked = CheckedSpec.load(compiler, file, err);
    if (!checked.ok()) {
      return common.exit(checked.exitCode());
    }
    Compiler.JarOptions options = new Compiler.JarOptions(directory, fat, spark, emitSources);
    Path jar;
    try {
      jar = compiler.writeJar(compiler.build(checked.experiment(), checked.source()), checked.directory(), options);
    } catch (Compiler.MissingLibrariesException e) {
      err.println("hyp: " + e.getMessage());
      return common.exit(ExitCode.BAD_INPUT);
    } catch (IOException e) {
      err.println("hyp: cannot write " + directory + ": " + e.getMessage());
      return common.exit(ExitCode.BAD_INPUT);
    }
    out.println("compiled " + checked.source().name() + " to " + jar
        + (options.oneJar() ? "" : " (libraries in " + directory.resolve("lib") + ")"));
    if (spark) {
      out.println("run it with: spark-submit --master MASTER --driver-memory 2g " + jar
          + " [--trials N] [--parallel N] [--help]");
    } else {
      out.println("run it with: java -jar " + jar + " [--trials N] [--parallel N] [--help]");
    }
    return common.exit(ExitCode.OK);
  }
}
