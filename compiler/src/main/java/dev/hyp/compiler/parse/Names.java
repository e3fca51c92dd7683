package dev.hyp.compiler.parse;

import dev.hyp.grammar.HypLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/** What the lexer reads as a name: for tools that let a user type one (the language server's rename). */
public final class Names {
  private Names() {}

  /** Whether {@code text} is one name as written in a spec: not a keyword, a number or anything else. */
  public static boolean isName(String text) {
    HypLexer lexer = new HypLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    Token first = lexer.nextToken();
    return first.getType() == HypLexer.IDENTIFIER && first.getText().equals(text)
        && lexer.nextToken().getType() == Token.EOF;
  }
}
