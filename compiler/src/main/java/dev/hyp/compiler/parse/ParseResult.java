package dev.hyp.compiler.parse;

import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import java.util.List;

/** The tree of a file (null when it has a syntax error), its comments and its diagnostics. */
public record ParseResult(SourceFile source, Experiment experiment, List<Comment> comments, List<Diagnostic> diagnostics) {
  public ParseResult {
    comments = List.copyOf(comments);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean succeeded() {
    return experiment != null;
  }
}
