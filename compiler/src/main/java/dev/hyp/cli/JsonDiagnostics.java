package dev.hyp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as JSON for editors and CI: one object per diagnostic with 1-based `line` and
 * `column` of its start and `endLine`/`endColumn` just past its end.
 */
final class JsonDiagnostics {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One object of the output. */
  sealed interface Entry permits Located, Unreadable {}

  record Located(SourceFile file, Diagnostic diagnostic) implements Entry {}

  /** A file that could not be read: an error without a place or a code (the command exits 2). */
  record Unreadable(Path file, String reason) implements Entry {}

  private JsonDiagnostics() {}

  static String toJson(List<? extends Entry> entries) {
    List<Map<String, Object>> objects = entries.stream()
        .map(entry -> entry instanceof Located located ? object(located) : object((Unreadable) entry))
        .toList();
    try {
      return MAPPER.writeValueAsString(objects);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> object(Unreadable unreadable) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("file", unreadable.file().toString());
    object.put("line", null);
    object.put("column", null);
    object.put("endLine", null);
    object.put("endColumn", null);
    object.put("severity", "error");
    object.put("code", null);
    object.put("message", unreadable.reason());
    object.put("help", "check the path and that the file is readable UTF-8 text");
    return object;
  }

  private static Map<String, Object> object(Located located) {
    SourceFile file = located.file();
    Diagnostic diagnostic = located.diagnostic();
    int start = Math.min(diagnostic.span().start(), file.text().length());
    int end = Math.min(diagnostic.span().end(), file.text().length());
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("file", file.name());
    object.put("line", file.line(start));
    object.put("column", file.column(start));
    object.put("endLine", file.line(end));
    object.put("endColumn", file.column(end));
    object.put("severity", diagnostic.severity().label());
    object.put("code", diagnostic.code().name());
    object.put("message", diagnostic.message());
    object.put("help", diagnostic.help());
    return object;
  }
}
