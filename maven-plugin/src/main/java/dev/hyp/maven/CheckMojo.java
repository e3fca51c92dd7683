package dev.hyp.maven;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * `hyp:check`: checks every spec under {@code src/main/hyp} as `hyp check` does, and fails the
 * build when one has an error. Warnings are logged as warnings and do not fail it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
  /** The folder of the specs. */
  @Parameter(property = "hyp.specDirectory", defaultValue = "${project.basedir}/src/main/hyp")
  private File specDirectory;

  /** Skip the check. */
  @Parameter(property = "hyp.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hyp: check skipped");
      return;
    }
    List<Path> specs = Specs.under(specDirectory.toPath());
    Compiler compiler = new Compiler();
    int failing = 0;
    for (Path spec : specs) {
      SourceFile source = SpecReader.read(spec);
      CheckResult result = compiler.check(source);
      MavenDiagnostics.log(getLog(), source, result.diagnostics());
      if (result.hasErrors()) {
        failing++;
      }
    }
    if (failing > 0) {
      throw new MojoFailureException("hyp: " + failing + " of " + specs.size() + " specs have errors (see above)");
    }
    getLog().info("hyp: " + specs.size() + (specs.size() == 1 ? " spec" : " specs") + " checked, no errors");
  }
}
