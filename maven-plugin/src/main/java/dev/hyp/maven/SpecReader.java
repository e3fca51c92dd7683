package dev.hyp.maven;

import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/** Reads a spec, or fails the build saying which file and why. */
final class SpecReader {
  private SpecReader() {}

  static SourceFile read(Path spec) throws MojoExecutionException {
    try {
      return SourceFile.read(spec);
    } catch (CharacterCodingException e) {
      throw new MojoExecutionException("cannot read " + spec + ": not valid UTF-8 text", e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + spec + ": " + e.getMessage(), e);
    }
  }
}
