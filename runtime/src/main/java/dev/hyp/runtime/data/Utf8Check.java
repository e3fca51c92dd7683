package dev.hyp.runtime.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Where a file stops being UTF-8, for a message that points at the line and the byte. */
final class Utf8Check {
  private Utf8Check() {}

  /**
   * The problem, such as {@code "byte 0xE9 at offset 120 is not UTF-8 (save the file as UTF-8)"},
   * with the 1-based line it is on; null when the file decodes.
   */
  static Problem firstProblem(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
          line += bytes[i] == '\n' ? 1 : 0;
        }
        return new Problem(line, String.format(Locale.ROOT,
            "byte 0x%02X at offset %d is not UTF-8 text; save the file as UTF-8", bytes[offset] & 0xFF, offset));
      }
      if (result.isUnderflow()) {
        return null;
      }
      out.clear();
    }
  }

  record Problem(int line, String message) {}
}
