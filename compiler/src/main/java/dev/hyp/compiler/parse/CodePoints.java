package dev.hyp.compiler.parse;

/**
 * ANTLR counts characters in code points, the rest of hyp in UTF-16 units (as Java strings
 * and editors do); this maps the first to the second. Free for text without surrogate pairs.
 */
final class CodePoints {
  private final int[] utf16Offsets;

  CodePoints(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      utf16Offsets = null;
      return;
    }
    utf16Offsets = new int[codePoints + 1];
    int offset = 0;
    for (int i = 0; i < codePoints; i++) {
      utf16Offsets[i] = offset;
      offset += Character.charCount(text.codePointAt(offset));
    }
    utf16Offsets[codePoints] = offset;
  }

  int toUtf16(int codePointIndex) {
    if (utf16Offsets == null) {
      return codePointIndex;
    }
    return utf16Offsets[Math.min(codePointIndex, utf16Offsets.length - 1)];
  }
}
