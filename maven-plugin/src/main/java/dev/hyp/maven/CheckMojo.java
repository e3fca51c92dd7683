package dev.hyp.maven;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * `hyp:check`: checks every spec under {@code src/main/hyp} as `hyp check` does, and fails the
 * build when one has an error. Warnings are logged as warnings and do not fail it.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends SpecMojo {
  @Override
  String goal() {
    return "check";
  }

  @Override
  void execute(List<Path> specs) throws MojoExecutionException, MojoFailureException {
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
