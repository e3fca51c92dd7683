package dev.hyp.compiler.codegen;

/**
 * Makes user text safe inside generated comments: no `*` followed by `/` (which would end
 * the comment), no backslash-u (javac reads unicode escapes before anything else, even in
 * comments, so `\u000a` would end a line comment), no line breaks, ASCII only.
 */
final class Comments {
  private Comments() {}

  static String safe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        out.append("* ");
      } else if (c == '\\') {
        out.append("\\\\"); // a doubled backslash never starts a unicode escape
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("<U+%04X>", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
