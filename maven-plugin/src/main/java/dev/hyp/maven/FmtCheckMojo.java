package dev.hyp.maven;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * `hyp:fmt-check`: fails the build when a spec is not in the layout `hyp fmt` writes (or does not
 * parse), naming each such file. It changes nothing.
 */
@Mojo(name = "fmt-check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class FmtCheckMojo extends SpecMojo {
  @Override
  String goal() {
    return "fmt-check";
  }

  @Override
  void execute(List<Path> specs) throws MojoExecutionException, MojoFailureException {
    Compiler compiler = new Compiler();
    List<String> unformatted = new ArrayList<>();
    for (Path spec : specs) {
      SourceFile source = SpecReader.read(spec);
      ParseResult parsed = compiler.parse(source);
      if (!parsed.succeeded()) {
        MavenDiagnostics.log(getLog(), source, parsed.diagnostics());
        unformatted.add(spec + " (syntax error)");
      } else if (!Formatter.format(source.text(), parsed.experiment(), parsed.comments()).equals(source.text())) {
        getLog().error(spec.toAbsolutePath() + ": not formatted as `hyp fmt` would");
        unformatted.add(spec.toString());
      }
    }
    if (!unformatted.isEmpty()) {
      throw new MojoFailureException("hyp: " + unformatted.size() + (unformatted.size() == 1 ? " spec" : " specs")
          + " would be reformatted: "
          + String.join(", ", unformatted) + "; run `hyp fmt` on them");
    }
  }
}
