package dev.hyp.lsp;

import dev.hyp.compiler.source.Span;

/** The name under a cursor, and what follows it: enough to tell `dense(` from `units =` from `relu`. */
final class Words {
  private Words() {}

  /** The span of the name that touches {@code offset} (the cursor inside it or just after it), or null. */
  static Span at(String text, int offset) {
    int start = Math.min(offset, text.length());
    while (start > 0 && isNamePart(text.charAt(start - 1))) {
      start--;
    }
    int end = Math.min(offset, text.length());
    while (end < text.length() && isNamePart(text.charAt(end))) {
      end++;
    }
    if (start == end || !Character.isLetter(text.charAt(start)) && text.charAt(start) != '_') {
      return null;
    }
    return new Span(start, end);
  }

  /** The first character after {@code offset} that is not a space or tab, or 0 at the end. */
  static char next(String text, int offset) {
    for (int i = offset; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return c;
      }
    }
    return 0;
  }

  /** Whether an `=` that is not `==` follows {@code offset}. */
  static boolean assignmentFollows(String text, int offset) {
    int i = offset;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '=' && (i + 1 >= text.length() || text.charAt(i + 1) != '=');
  }

  static boolean isNamePart(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

}
