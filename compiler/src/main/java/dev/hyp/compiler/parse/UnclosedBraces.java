package dev.hyp.compiler.parse;

import dev.hyp.grammar.HypLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Finds the `{` a file forgot to close. Braces alone cannot tell (a missing `}` of `data`
 * lets `data` swallow the next closing brace), so, as rustc does, it trusts indentation:
 * the first `{` whose matching `}` starts a line at another indentation is the likely
 * culprit; failing that, the innermost unclosed one.
 */
final class UnclosedBraces {
  private UnclosedBraces() {}

  static Token blame(List<Token> tokens) {
    Deque<Token> open = new ArrayDeque<>();
    Token suspect = null;
    for (Token token : tokens) {
      if (token.getType() == HypLexer.LBRACE) {
        open.push(token);
      } else if (token.getType() == HypLexer.RBRACE && !open.isEmpty()) {
        Token opener = open.pop();
        if (suspect == null && startsLine(tokens, token)
            && token.getCharPositionInLine() != indentation(tokens, opener)) {
          suspect = opener;
        }
      }
    }
    if (open.isEmpty()) {
      return null;
    }
    return suspect != null ? suspect : open.peek();
  }

  private static boolean startsLine(List<Token> tokens, Token token) {
    Token before = previousVisible(tokens, token.getTokenIndex());
    return before == null || before.getLine() < token.getLine();
  }

  /** The column of the first token on the line of {@code token}. */
  private static int indentation(List<Token> tokens, Token token) {
    Token first = token;
    for (Token before = previousVisible(tokens, token.getTokenIndex());
        before != null && before.getLine() == token.getLine();
        before = previousVisible(tokens, before.getTokenIndex())) {
      first = before;
    }
    return first.getCharPositionInLine();
  }

  private static Token previousVisible(List<Token> tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(i);
      }
    }
    return null;
  }
}
