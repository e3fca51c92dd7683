package dev.hyp.compiler.parse;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Bounds how deeply a spec nests, from its tokens and before ANTLR reads it: the parser, the
 * syntax-tree builder, the checker and the generated Java all recurse once per level, so with
 * this bound (and {@link ExpressionSize}'s) no stage can run out of stack. A level is an open
 * `(`, `[` or `{`, or a prefix `-` or `not` whose operand has not ended yet.
 */
final class NestingLimit {
  /** Real specs nest a handful of levels (`experiment`, `model`, a loop or two, a call). */
  static final int MAX_DEPTH = 64;

  private final CodePoints codePoints;

  NestingLimit(CodePoints codePoints) {
    this.codePoints = codePoints;
  }

  /** The first token that opens a level beyond {@link #MAX_DEPTH}, as a diagnostic; null when there is none. */
  Diagnostic firstProblem(List<Token> tokens) {
    Deque<Integer> enclosing = new ArrayDeque<>();
    int depth = 0; // levels of the open brackets, with the prefix operators before each
    int prefixes = 0; // prefix operators since the last operand ended, at this bracket level
    Token previous = null;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.getChannel() != Token.DEFAULT_CHANNEL || token.getType() == Token.EOF) {
        continue;
      }
      switch (token.getType()) {
        case HypLexer.LPAREN, HypLexer.LBRACKET, HypLexer.LBRACE -> {
          enclosing.push(depth);
          depth += prefixes + 1;
          prefixes = 0;
        }
        case HypLexer.RPAREN, HypLexer.RBRACKET, HypLexer.RBRACE -> {
          depth = enclosing.isEmpty() ? 0 : enclosing.pop();
          prefixes = 0;
        }
        case HypLexer.NOT -> prefixes++;
        case HypLexer.MINUS -> prefixes += endsOperand(previous) ? 0 : 1;
        case HypLexer.IDENTIFIER -> prefixes = opensCallOrIndex(tokens, i) ? prefixes : 0;
        case HypLexer.NUMBER, HypLexer.DURATION, HypLexer.STRING, HypLexer.TRUE, HypLexer.FALSE -> prefixes = 0;
        default -> { }
      }
      if (depth + prefixes > MAX_DEPTH) {
        return tooDeep(token);
      }
      previous = token;
    }
    return null;
  }

  private static boolean endsOperand(Token token) {
    if (token == null) {
      return false;
    }
    return switch (token.getType()) {
      case HypLexer.IDENTIFIER, HypLexer.NUMBER, HypLexer.DURATION, HypLexer.STRING, HypLexer.TRUE, HypLexer.FALSE,
          HypLexer.RPAREN, HypLexer.RBRACKET -> true;
      default -> false;
    };
  }

  /** `f(` or `units[`: a prefix operator before the name applies to the whole call or index. */
  private static boolean opensCallOrIndex(List<Token> tokens, int at) {
    for (int i = at + 1; i < tokens.size(); i++) {
      Token next = tokens.get(i);
      if (next.getChannel() == Token.DEFAULT_CHANNEL) {
        return next.getType() == HypLexer.LPAREN || next.getType() == HypLexer.LBRACKET;
      }
    }
    return false;
  }

  private Diagnostic tooDeep(Token token) {
    Span span = new Span(codePoints.toUtf16(token.getStartIndex()), codePoints.toUtf16(token.getStopIndex() + 1));
    return Diagnostic.error(Code.HYP008, span, "the spec is nested more than " + MAX_DEPTH + " levels deep")
        .label("level " + (MAX_DEPTH + 1))
        .help("hyp reads at most " + MAX_DEPTH + " levels of brackets, braces, `-` and `not` inside one another;"
            + " write this part flatter")
        .build();
  }
}
