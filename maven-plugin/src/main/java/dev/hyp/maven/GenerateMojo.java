package dev.hyp.maven;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * `hyp:generate`: writes the generated Java of every spec under {@code src/main/hyp} (its typed
 * parameters record and its experiment class) to {@code target/generated-sources/hyp} and adds
 * that folder to the project's compile source roots, as antlr4-maven-plugin does for grammars.
 * A spec with an error fails the build with its diagnostics, as `check` does.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {
  /** The folder of the specs. */
  @Parameter(property = "hyp.specDirectory", defaultValue = "${project.basedir}/src/main/hyp")
  private File specDirectory;

  /** Where the generated Java goes. */
  @Parameter(property = "hyp.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/hyp")
  private File outputDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Compiler compiler = new Compiler();
    int failing = 0;
    int generated = 0;
    for (Path spec : Specs.under(specDirectory.toPath())) {
      SourceFile source = SpecReader.read(spec);
      CheckResult result = compiler.check(source);
      MavenDiagnostics.log(getLog(), source, result.diagnostics());
      if (result.hasErrors()) {
        failing++;
        continue;
      }
      for (Map.Entry<String, String> file : compiler.javaSources(result.experiment(), source).entrySet()) {
        write(outputDirectory.toPath().resolve(file.getKey()), file.getValue());
        generated++;
      }
    }
    if (failing > 0) {
      throw new MojoFailureException("hyp: " + failing + " specs have errors (see above); nothing generated for them");
    }
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    getLog().info("hyp: " + generated + " Java files generated in " + outputDirectory);
  }

  /** Unchanged files are left alone, so an incremental compile does not rebuild them. */
  private static void write(Path file, String text) throws MojoExecutionException {
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        return;
      }
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
