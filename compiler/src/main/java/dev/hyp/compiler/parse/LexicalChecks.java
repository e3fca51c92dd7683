package dev.hyp.compiler.parse;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Finds malformed tokens (unterminated strings, stray characters, bad escapes) before parsing. */
final class LexicalChecks {
  private final SourceFile source;
  private final CodePoints codePoints;

  LexicalChecks(SourceFile source, CodePoints codePoints) {
    this.source = source;
    this.codePoints = codePoints;
  }

  Diagnostic firstProblem(List<Token> tokens) {
    ForeignSyntax habits = new ForeignSyntax(source.text(), codePoints, tokens);
    for (Token token : tokens) {
      Span span = new Span(codePoints.toUtf16(token.getStartIndex()), codePoints.toUtf16(token.getStopIndex() + 1));
      Diagnostic problem = switch (token.getType()) {
        case HypLexer.UNTERMINATED_STRING -> Diagnostic.error(Code.HYP002, span, "unterminated string")
            .label("this string has no closing `\"`")
            .help("end the string with `\"` on the same line")
            .build();
        case HypLexer.UNTERMINATED_BLOCK_COMMENT -> Diagnostic.error(Code.HYP003, new Span(span.start(), span.start() + 2),
                "unterminated block comment")
            .label("this comment is never closed")
            .help("close it with `*/`")
            .build();
        case HypLexer.UNKNOWN_CHARACTER -> unknownCharacter(span, habits, token.getTokenIndex());
        case HypLexer.STRING -> badEscape(span);
        default -> null;
      };
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private Diagnostic unknownCharacter(Span span, ForeignSyntax habits, int index) {
    String text = source.text().substring(span.start(), span.end());
    int codePoint = text.codePointAt(0);
    String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
        ? String.format("U+%04X", codePoint)
        : "`" + text + "`";
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP004, span, "unexpected character " + shown)
        .label("not part of the language");
    String habit = habits.character(index);
    if (text.equals("#")) {
      builder.help("comments start with `//`");
    } else if (text.equals("'")) {
      String name = habits.singleQuotedName(index);
      if (name != null) {
        builder.note(name);
      }
      builder.help("strings are written in double quotes: `\"...\"`");
    } else if (text.equals(";")) {
      builder.help("settings need no `;`: put each on its own line");
    } else if (habit != null) {
      builder.help(habit);
    }
    return builder.build();
  }

  /** Only `\"`, `\\`, `\n` and `\t` are escapes. */
  private Diagnostic badEscape(Span span) {
    String text = source.text();
    for (int i = span.start() + 1; i < span.end() - 1; i++) {
      if (text.charAt(i) == '\\') {
        int next = text.codePointAt(i + 1);
        if (next != '"' && next != '\\' && next != 'n' && next != 't') {
          String shown = Character.isISOControl(next) || Character.getType(next) == Character.SURROGATE
              ? String.format("`\\` followed by U+%04X", next)
              : "`\\" + Character.toString(next) + "`";
          return Diagnostic.error(Code.HYP005, new Span(i, i + 1 + Character.charCount(next)),
                  "unknown escape " + shown + " in a string")
              .label("not an escape")
              .help("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash")
              .build();
        }
        i++;
      }
    }
    return null;
  }
}
