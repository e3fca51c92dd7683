package dev.hyp.compiler.parse;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Turns the parser's first complaint into a diagnostic in words, then stops the parse. */
final class SyntaxErrorListener extends BaseErrorListener {
  private final SourceFile source;
  private final CodePoints codePoints;
  private final List<Token> tokens;
  private Diagnostic diagnostic;

  SyntaxErrorListener(SourceFile source, CodePoints codePoints, List<Token> tokens) {
    this.source = source;
    this.codePoints = codePoints;
    this.tokens = tokens;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
      String message, RecognitionException e) {
    Token offending = (Token) offendingSymbol;
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens()
        : ((Parser) recognizer).getExpectedTokens();
    diagnostic = describe(offending, expected);
    throw new ParseCancellationException(message);
  }

  private Diagnostic describe(Token offending, IntervalSet expected) {
    if (offending.getType() == Token.EOF && expected.contains(HypLexer.RBRACE)) {
      Token unclosed = UnclosedBraces.blame(tokens);
      if (unclosed != null) {
        return unclosedBrace(unclosed);
      }
    }
    Span span = offending.getType() == Token.EOF ? endOfInput() : span(offending);
    String wanted = TokenWords.expected(expected);
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP001, span,
            "expected " + wanted + ", found " + TokenWords.found(offending))
        .label("expected " + wanted);
    if (!hint(offending, expected, builder)) {
      builder.help(new ForeignSyntax(source.text(), codePoints, tokens).syntax(offending, expected));
    }
    return builder.build();
  }

  private Diagnostic unclosedBrace(Token brace) {
    Span at = span(brace);
    String owner = ownerOf(brace);
    return Diagnostic.error(Code.HYP006, at, "this `{` is never closed")
        .label("unclosed `{`" + (owner.isEmpty() ? "" : " of `" + owner + "`"))
        .secondary(endOfInput(), "the file ends here")
        .help("add `}` where " + (owner.isEmpty() ? "the block" : "`" + owner + "`") + " ends")
        .build();
  }

  /** The word before a `{`, such as `data`, or the strategy of `search tpe {`. */
  private String ownerOf(Token brace) {
    for (int i = brace.getTokenIndex() - 1; i >= 0; i--) {
      Token token = tokens.get(i);
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        return token.getType() == HypLexer.IDENTIFIER ? token.getText() : "";
      }
    }
    return "";
  }

  /** True when it gave a help line. */
  private static boolean hint(Token offending, IntervalSet expected, Diagnostic.Builder builder) {
    int type = offending.getType();
    if (type >= HypLexer.EXPERIMENT && type <= HypLexer.FALSE && expected.contains(HypLexer.IDENTIFIER)) {
      builder.note("`" + offending.getText() + "` is a keyword and cannot be used as a name");
    } else if (type == HypLexer.COMMA && expected.contains(HypLexer.RBRACE)) {
      builder.help("settings are separated by line breaks, not commas");
      return true;
    } else if (type == HypLexer.ASSIGN && expected.contains(HypLexer.EQ)) {
      builder.help("compare with `==`");
      return true;
    }
    return false;
  }

  private Span span(Token token) {
    return new Span(codePoints.toUtf16(token.getStartIndex()), codePoints.toUtf16(token.getStopIndex() + 1));
  }

  /** Just after the last token, so the caret lands where something is missing. */
  private Span endOfInput() {
    Deque<Token> visible = new ArrayDeque<>();
    for (Token token : tokens) {
      if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != Token.EOF) {
        visible.push(token);
      }
    }
    int end = visible.isEmpty() ? source.text().length() : codePoints.toUtf16(visible.peek().getStopIndex() + 1);
    return Span.at(end);
  }
}
