package dev.hyp.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import org.junit.jupiter.api.Test;

/** Malformed tokens: one located diagnostic each, with the text it marks and a help line. */
class LexicalErrorTest {

  private record Found(Diagnostic diagnostic, SourceFile source) {
    String at() {
      int start = diagnostic.span().start();
      return source.line(start) + ":" + source.column(start);
    }

    String marked() {
      return source.text().substring(diagnostic.span().start(), diagnostic.span().end());
    }
  }

  private static Found only(String text) {
    SourceFile source = SourceFile.of("lex.hyp", text);
    ParseResult result = new Compiler().parse(source);
    assertFalse(result.succeeded());
    assertNull(result.experiment());
    assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
    return new Found(result.diagnostics().get(0), source);
  }

  @Test
  void unterminatedString() {
    Found found = only("experiment t {\n  x = \"abc\n}\n");
    assertEquals(Code.HYP002, found.diagnostic().code());
    assertEquals("unterminated string", found.diagnostic().message());
    assertEquals("2:7", found.at());
    assertEquals("\"abc", found.marked());
    assertEquals("end the string with `\"` on the same line", found.diagnostic().help());
  }

  @Test
  void stringEndingInABackslashAtTheEndOfTheFile() {
    Found found = only("experiment t {\n  x = \"a\\");
    assertEquals(Code.HYP002, found.diagnostic().code());
    assertEquals("2:7", found.at());
  }

  @Test
  void hashIsNotAComment() {
    Found found = only("experiment t {\n  x = 1 # one\n}\n");
    assertEquals(Code.HYP004, found.diagnostic().code());
    assertEquals("unexpected character `#`", found.diagnostic().message());
    assertEquals("2:9", found.at());
    assertEquals("#", found.marked());
    assertEquals("comments start with `//`", found.diagnostic().help());
  }

  @Test
  void controlCharactersAreNamedByCodePoint() {
    Found found = only("experiment t {\n  x = 1\u0007\n}\n");
    assertEquals(Code.HYP004, found.diagnostic().code());
    assertEquals("unexpected character U+0007", found.diagnostic().message());
    assertEquals("2:8", found.at());
  }

  @Test
  void unknownCharacterAfterASurrogatePairIsLocatedInUtf16Units() {
    Found found = only("experiment t {\n  x = \"\uD83D\uDE00\" @\n}\n");
    assertEquals("unexpected character `@`", found.diagnostic().message());
    assertEquals("2:12", found.at());
    assertEquals("@", found.marked());
  }

  @Test
  void badEscape() {
    Found found = only("experiment t {\n  x = \"C:\\data\\iris.csv\"\n}\n");
    assertEquals(Code.HYP005, found.diagnostic().code());
    assertEquals("unknown escape `\\d` in a string", found.diagnostic().message());
    assertEquals("2:10", found.at());
    assertEquals("\\d", found.marked());
    assertEquals("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash",
        found.diagnostic().help());
  }

  @Test
  void unterminatedBlockComment() {
    Found found = only("experiment t {\n  x = 1\n  /* never closed\n}\n");
    assertEquals(Code.HYP003, found.diagnostic().code());
    assertEquals("3:3", found.at());
    assertEquals("/*", found.marked());
    assertEquals("close it with `*/`", found.diagnostic().help());
  }

  @Test
  void theFirstLexicalProblemIsTheOneReported() {
    Found found = only("experiment t {\n  x = 'a'\n  y = #\n}\n");
    assertEquals("2:7", found.at());
    assertEquals("strings are written in double quotes: `\"...\"`", found.diagnostic().help());
  }
}
