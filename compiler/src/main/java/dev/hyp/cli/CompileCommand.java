package dev.hyp.cli;

import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.JarPackager;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.build.RuntimeLibraries;
import dev.hyp.compiler.codegen.JavaGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp compile FILE -o DIR`: the spec as Java, compiled into a runnable jar. */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Compile a spec to Java and a runnable jar: java -jar DIR/NAME.jar runs the search.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:compiled", "1:the spec has errors", "2:usage error, unreadable spec, missing data file or label column, unwritable output"})
final class CompileCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

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
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    CheckedSpec checked = CheckedSpec.load(file, err);
    if (!checked.ok()) {
      return checked.exitCode();
    }
    List<Path> classpath = ProcessClasspath.entries();
    ExperimentBuild.Compiled compiled = new ExperimentBuild().build(checked.experiment(), checked.source(), classpath);
    boolean oneJar = fat || spark;
    List<RuntimeLibraries.Library> libraries;
    try {
      libraries = spark ? RuntimeLibraries.resolveForSpark(classpath) : RuntimeLibraries.resolve(classpath);
    } catch (IOException e) {
      err.println("hyp: " + e.getMessage());
      return Main.USAGE;
    }
    Path jar;
    try {
      jar = JarPackager.write(compiled, directory, checked.directory(), libraries, oneJar, spark ? "spark" : null);
      if (emitSources) {
        writeSources(compiled.generated(), directory.resolve("src"));
      }
    } catch (IOException e) {
      err.println("hyp: cannot write " + directory + ": " + e.getMessage());
      return Main.USAGE;
    }
    out.println("compiled " + checked.source().name() + " to " + jar + (oneJar ? "" : " (libraries in " + directory.resolve("lib") + ")"));
    if (spark) {
      out.println("run it with: spark-submit --master MASTER --driver-memory 2g " + jar
          + " [--trials N] [--parallel N] [--help]");
    } else {
      out.println("run it with: java -jar " + jar + " [--trials N] [--parallel N] [--help]");
    }
    return 0;
  }

  private static void writeSources(JavaGenerator.Generated generated, Path directory) throws IOException {
    for (JavaGenerator.Source source : generated.sources()) {
      Path file = directory.resolve(source.className().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.text(), StandardCharsets.UTF_8);
    }
  }
}
