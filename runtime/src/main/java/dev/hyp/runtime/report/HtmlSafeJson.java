package dev.hyp.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * JSON that can sit inside an HTML script element: `<`, `>` and `&` are written as \\u escapes, so
 * no user string (a category such as "</script>") can end the element or open a comment.
 */
final class HtmlSafeJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlSafeJson() {}

  static String write(JsonNode node) {
    try {
      return JSON.writer().with(new HtmlEscapes()).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class HtmlEscapes extends CharacterEscapes {
    private final int[] escapes;

    HtmlEscapes() {
      escapes = standardAsciiEscapesForJSON();
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
      escapes['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
