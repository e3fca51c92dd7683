package dev.hyp.maven;

import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/**
 * Diagnostics in the one-line form Maven and IDEs link to source (`/path/spec.hyp:12:5: ...`),
 * errors as errors and warnings as warnings, each followed by its notes and help.
 */
final class MavenDiagnostics {
  private MavenDiagnostics() {}

  /** The first line of a diagnostic: absolute path, 1-based line and column, code, message. */
  static String line(SourceFile file, Diagnostic diagnostic) {
    int offset = Math.min(diagnostic.span().start(), file.text().length());
    String where = file.path() == null ? file.name() : file.path().toAbsolutePath().toString();
    return where + ":" + file.line(offset) + ":" + file.column(offset) + ": " + diagnostic.code().name() + " "
        + diagnostic.message();
  }

  static void log(Log log, SourceFile file, List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      StringBuilder text = new StringBuilder(line(file, diagnostic));
      diagnostic.notes().forEach(note -> text.append("\n  note: ").append(note));
      if (diagnostic.help() != null) {
        text.append("\n  help: ").append(diagnostic.help());
      }
      if (diagnostic.isError()) {
        log.error(text);
      } else {
        log.warn(text);
      }
    }
  }
}
