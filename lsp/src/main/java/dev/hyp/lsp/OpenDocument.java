package dev.hyp.lsp;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.check.Checker;
import dev.hyp.compiler.check.ParamReferences;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.source.Span;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * One version of an open document, immutable, with its parse and check computed once on demand
 * through the compiler's facade (the same as `hyp check`: the spec's folder is where its data
 * paths are read from, when the document is a file).
 */
final class OpenDocument {
  private static final Compiler COMPILER = new Compiler();
  private static final Checker CHECKER = new Checker();

  private final String uri;
  private final int version;
  private final SourceFile source;
  private final List<String> paramsBefore;
  private ParseResult parsed;
  private CheckResult checked;

  /** {@code paramsBefore}: the parameters of the last version that parsed, for while this one does not. */
  OpenDocument(String uri, int version, String text, List<String> paramsBefore) {
    this.uri = uri;
    this.version = version;
    this.paramsBefore = List.copyOf(paramsBefore);
    Path path = pathOf(uri);
    this.source = path == null ? SourceFile.of(uri, text) : new SourceFile(path.toString(), path, text);
  }

  private static Path pathOf(String uri) {
    try {
      URI parsed = URI.create(uri);
      return "file".equals(parsed.getScheme()) ? Path.of(parsed) : null;
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  String uri() {
    return uri;
  }

  int version() {
    return version;
  }

  SourceFile source() {
    return source;
  }

  String text() {
    return source.text();
  }

  synchronized ParseResult parsed() {
    if (parsed == null) {
      parsed = COMPILER.parse(source);
    }
    return parsed;
  }

  /** What `hyp check` says of this text: the compiler's checker over this version's parse. */
  synchronized CheckResult checked() {
    if (checked == null) {
      checked = CHECKER.check(parsed());
    }
    return checked;
  }

  /** The parameters and where they are read, when the text parses. */
  Optional<ParamReferences> params() {
    ParseResult result = parsed();
    return result.succeeded() ? Optional.of(ParamReferences.of(result.experiment())) : Optional.empty();
  }

  /** The names of the declared parameters: this version's, or while it does not parse the last ones that did. */
  List<String> paramNames() {
    return params().map(p -> p.all().stream().map(ParamReferences.Param::name).toList()).orElse(paramsBefore);
  }

  /** The offset of an LSP position (UTF-16 units, as the protocol counts by default), clamped to the text. */
  int offset(Position position) {
    int line = Math.max(0, Math.min(position.getLine(), source.lineCount() - 1)) + 1;
    int start = source.lineStart(line);
    int lineEnd = start + source.lineText(line).length();
    return Math.min(start + Math.max(0, position.getCharacter()), lineEnd);
  }

  Position position(int offset) {
    int clamped = Math.max(0, Math.min(offset, text().length()));
    return new Position(source.line(clamped) - 1, source.column(clamped) - 1);
  }

  Range range(Span span) {
    return new Range(position(span.start()), position(span.end()));
  }

  Range whole() {
    return range(new Span(0, text().length()));
  }
}
