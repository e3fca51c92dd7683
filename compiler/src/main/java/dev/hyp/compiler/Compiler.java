package dev.hyp.compiler;

import dev.hyp.compiler.build.CompiledClassCache;
import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.InMemoryClassLoader;
import dev.hyp.compiler.build.JarPackager;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.build.RuntimeLibraries;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.check.Checker;
import dev.hyp.compiler.codegen.JavaGenerator;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.parse.SpecParser;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.experiment.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front door of the compiler: text in, checked experiment and diagnostics out; a checked
 * experiment in, its compiled classes out, to run in this process or to write as a runnable jar.
 * It neither prints nor exits: that is the command line's job.
 */
public final class Compiler {
  private final SpecParser parser = new SpecParser();
  private final Checker checker = new Checker();
  private final ExperimentBuild build;
  private List<Path> classpath;

  public Compiler() {
    this(null);
  }

  /**
   * A compiler whose {@link #build} keeps javac's output in {@code compiledClasses} and takes it from there for
   * sources it compiled before ({@link CompiledClassCache}); null: javac every time.
   */
  public Compiler(Path compiledClasses) {
    this.build = new ExperimentBuild(compiledClasses == null ? null : new CompiledClassCache(compiledClasses));
  }

  public ParseResult parse(SourceFile source) {
    return parser.parse(source);
  }

  public CheckResult check(SourceFile source) {
    return checker.check(parser.parse(source));
  }

  /** The experiment as generated Java compiled in memory, against the classpath of this process. */
  public ExperimentBuild.Compiled build(CheckedExperiment experiment, SourceFile source) {
    return build.build(experiment, source, classpath());
  }

  /**
   * The generated Java of a checked spec, each file's text by its path under a source root
   * ({@code hyp/generated/iris/IrisExperiment.java}): what a build tool writes and compiles itself.
   */
  public Map<String, String> javaSources(CheckedExperiment experiment, SourceFile source) {
    String specName = source.path() == null ? source.name() : source.path().getFileName().toString();
    Map<String, String> files = new LinkedHashMap<>();
    for (JavaGenerator.Source generated : new JavaGenerator().generate(experiment, specName, source.text()).sources()) {
      files.put(generated.className().replace('.', '/') + ".java", generated.text());
    }
    return files;
  }

  /** The compiled classes loaded into this process (for `hyp run`): the experiment, ready to run. */
  public Experiment<?> load(ExperimentBuild.Compiled compiled) throws ReflectiveOperationException {
    ClassLoader loader = new InMemoryClassLoader(compiled.entries(), Compiler.class.getClassLoader());
    return (Experiment<?>) loader.loadClass(compiled.mainClass()).getConstructor().newInstance();
  }

  /**
   * What {@link #writeJar} writes into {@code directory}: NAME.jar with its libraries in lib/, or
   * one self-contained jar ({@code fat}); a {@code spark} jar is self-contained too, with hyp's
   * spark module inside and Spark left out. With {@code sources}, the generated Java goes in src/.
   */
  public record JarOptions(Path directory, boolean fat, boolean spark, boolean sources) {
    /** The libraries are inside the jar: --fat, or --spark, which implies it. */
    public boolean oneJar() {
      return fat || spark;
    }
  }

  /** The libraries a jar needs (hyp's runtime, for Spark its spark module) are not on this process's classpath. */
  public static final class MissingLibrariesException extends Exception {
    MissingLibrariesException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * Writes the compiled experiment as a runnable jar, as {@code options} say.
   *
   * @param specDirectory the folder of the spec, which the jar runs from when it still exists
   * @return the jar written
   * @throws IOException when the output folder cannot be written
   */
  public Path writeJar(ExperimentBuild.Compiled compiled, Path specDirectory, JarOptions options)
      throws MissingLibrariesException, IOException {
    List<RuntimeLibraries.Library> libraries;
    try {
      libraries = options.spark() ? RuntimeLibraries.resolveForSpark(classpath())
          : RuntimeLibraries.resolve(classpath());
    } catch (IOException e) {
      throw new MissingLibrariesException(e);
    }
    Path jar = JarPackager.write(compiled, options.directory(), specDirectory, libraries, options.oneJar(),
        options.spark() ? "spark" : null);
    if (options.sources()) {
      writeSources(compiled.generated(), options.directory().resolve("src"));
    }
    return jar;
  }

  private static void writeSources(JavaGenerator.Generated generated, Path directory) throws IOException {
    for (JavaGenerator.Source source : generated.sources()) {
      Path file = directory.resolve(source.className().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.text(), StandardCharsets.UTF_8);
    }
  }

  /** Read once: the jars a build compiles against are also the ones a jar copies. */
  private List<Path> classpath() {
    if (classpath == null) {
      classpath = ProcessClasspath.entries();
    }
    return classpath;
  }
}
