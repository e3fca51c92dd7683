package dev.hyp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as JSON for editors and CI: one object per diagnostic with 1-based `line` and
 * `column` of its start and `endLine`/`endColumn` just past its end.
 */
final class JsonDiagnostics {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Located(SourceFile file, Diagnostic diagnostic) {}

  private JsonDiagnostics() {}

  static String toJson(List<Located> diagnostics) {
    List<Map<String, Object>> objects = diagnostics.stream().map(JsonDiagnostics::object).toList();
    try {
      return MAPPER.writeValueAsString(objects);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
