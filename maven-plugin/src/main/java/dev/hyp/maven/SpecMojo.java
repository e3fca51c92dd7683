package dev.hyp.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals over a project's specs share: where the specs are, and how a goal is skipped. */
abstract class SpecMojo extends AbstractMojo {
  /** The folder of the specs. */
  @Parameter(property = "hyp.specDirectory", defaultValue = "${project.basedir}/src/main/hyp")
  private File specDirectory;

  /** Skip the goal. */
  @Parameter(property = "hyp.skip", defaultValue = "false")
  private boolean skip;

  /** The goal's name as the log says it: "check", "fmt-check". */
  abstract String goal();

  /** Runs the goal over the specs found under the spec folder. */
  abstract void execute(List<Path> specs) throws MojoExecutionException, MojoFailureException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hyp: " + goal() + " skipped");
      return;
    }
    execute(Specs.under(specDirectory.toPath()));
  }
}
