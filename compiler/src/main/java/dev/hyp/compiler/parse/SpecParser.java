package dev.hyp.compiler.parse;

import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypLexer;
import dev.hyp.grammar.HypParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns a source file into a syntax tree. It stops at the first syntax error: after a
 * syntax error everything that follows is guesswork, and one precise message is worth more
 * than a cascade. It never throws for bad input.
 */
public final class SpecParser {

  public ParseResult parse(SourceFile source) {
    CodePoints codePoints = new CodePoints(source.text());
    HypLexer lexer = new HypLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Token> all = tokens.getTokens();
    List<Comment> comments = comments(all, source, codePoints);

    Diagnostic lexical = new LexicalChecks(source, codePoints).firstProblem(all);
    if (lexical != null) {
      return new ParseResult(source, null, comments, List.of(lexical));
    }
    Diagnostic tooDeep = new NestingLimit(codePoints).firstProblem(all);
    if (tooDeep != null) {
      return new ParseResult(source, null, comments, List.of(tooDeep));
    }

    HypParser parser = new HypParser(tokens);
    parser.removeErrorListeners();
    SyntaxErrorListener listener = new SyntaxErrorListener(source, codePoints, all);
    parser.addErrorListener(listener);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    HypParser.FileContext tree;
    try { // no stack overflow: NestingLimit has bounded the parser's recursion
      tree = parser.file();
    } catch (ParseCancellationException stopped) {
      return new ParseResult(source, null, comments, List.of(listener.diagnostic()));
    }
    List<Diagnostic> diagnostics = new ArrayList<>(new ExpressionSize(codePoints).problems(tree));
    if (!diagnostics.isEmpty()) {
      return new ParseResult(source, null, comments, diagnostics);
    }
    Experiment experiment = new AstBuilder(codePoints, diagnostics).build(tree);
    return new ParseResult(source, diagnostics.isEmpty() ? experiment : null, comments, diagnostics);
  }

  private static List<Comment> comments(List<Token> tokens, SourceFile source, CodePoints codePoints) {
    List<Comment> comments = new ArrayList<>();
    for (Token token : tokens) {
      if (token.getType() == HypLexer.LINE_COMMENT || token.getType() == HypLexer.BLOCK_COMMENT) {
        int start = codePoints.toUtf16(token.getStartIndex());
        int end = codePoints.toUtf16(token.getStopIndex() + 1);
        comments.add(new Comment(source.text().substring(start, end), new Span(start, end)));
      }
    }
    return comments;
  }
}
