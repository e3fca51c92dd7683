package dev.hyp.compiler.parse;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Bounds the size of each expression and condition, and of the whole spec, on ANTLR's tree and
 * before the syntax tree is built. `a + b + c ...` parses without recursion but makes a tree as
 * deep as it is long, which every later stage walks recursively (the syntax-tree builder, the
 * checker, the Java generator, javac); with this bound and {@link NestingLimit}'s, no tree is
 * deeper than their sum. The bound on the whole spec keeps the generated Java within what a class
 * file holds (65,535 constants, 64 KiB of code per method). This walk keeps its own stack.
 */
final class ExpressionSize {
  /** Terms in one expression: `choice(...)` over hundreds of values fits; real arithmetic has a few. */
  static final int MAX_TERMS = 256;
  /** Terms in the whole spec, layer calls included: fifty times the largest sample. */
  static final int MAX_SPEC_TERMS = 4_000;

  private final CodePoints codePoints;

  ExpressionSize(CodePoints codePoints) {
    this.codePoints = codePoints;
  }

  /** One diagnostic per expression or condition with more than {@link #MAX_TERMS} terms. */
  List<Diagnostic> problems(HypParser.FileContext file) {
    record Visit(ParseTree node, Root root) {}
    List<Root> roots = new ArrayList<>();
    int total = 0;
    ParseTree beyondLimit = null;
    Deque<Visit> pending = new ArrayDeque<>();
    pending.push(new Visit(file, null));
    while (!pending.isEmpty()) {
      Visit visit = pending.pop();
      Root root = visit.root();
      ParseTree node = visit.node();
      if (root == null && (node instanceof HypParser.ExpressionContext || node instanceof HypParser.ConditionContext)) {
        root = new Root((ParserRuleContext) node);
        roots.add(root);
      }
      if (root != null && isTerm(node)) {
        root.terms++;
      }
      if (isTerm(node) || node instanceof HypParser.CallMemberContext) {
        total++;
        beyondLimit = total == MAX_SPEC_TERMS + 1 ? node : beyondLimit;
      }
      for (int i = node.getChildCount() - 1; i >= 0; i--) {
        pending.push(new Visit(node.getChild(i), root));
      }
    }
    List<Diagnostic> problems = new ArrayList<>();
    for (Root root : roots) {
      if (root.terms > MAX_TERMS) {
        problems.add(tooLarge(root));
      }
    }
    if (problems.isEmpty() && beyondLimit != null) {
      problems.add(specTooLarge((ParserRuleContext) beyondLimit, total));
    }
    return problems;
  }

  /** A name, a literal, or a call or index (counted once, beside its arguments). */
  private static boolean isTerm(ParseTree node) {
    return node instanceof HypParser.NameExpressionContext || node instanceof HypParser.NumberExpressionContext
        || node instanceof HypParser.DurationExpressionContext || node instanceof HypParser.StringExpressionContext
        || node instanceof HypParser.BooleanExpressionContext || node instanceof HypParser.CallExpressionContext
        || node instanceof HypParser.IndexExpressionContext;
  }

  private Diagnostic tooLarge(Root root) {
    String what = root.context instanceof HypParser.ConditionContext ? "condition" : "expression";
    return Diagnostic.error(Code.HYP009, span(root.context), "this " + what + " has " + root.terms + " terms")
        .label("more than " + MAX_TERMS + " terms")
        .help("hyp takes at most " + MAX_TERMS + " terms (names, numbers, strings and calls) in one " + what
            + "; split it, or repeat layers with a `for` loop")
        .build();
  }

  private Diagnostic specTooLarge(ParserRuleContext term, int total) {
    Token start = term.getStart();
    Span first = new Span(codePoints.toUtf16(start.getStartIndex()), codePoints.toUtf16(start.getStopIndex() + 1));
    return Diagnostic.error(Code.HYP009, first, "the spec has " + total + " terms")
        .label("term " + (MAX_SPEC_TERMS + 1))
        .help("hyp takes at most " + MAX_SPEC_TERMS + " terms (names, numbers, strings, calls and layers) in one"
            + " spec; repeat layers with a `for` loop, or give a per-layer parameter such as `units[depth]`")
        .build();
  }

  private Span span(ParserRuleContext context) {
    Token start = context.getStart();
    Token stop = context.getStop() == null ? start : context.getStop();
    return new Span(codePoints.toUtf16(start.getStartIndex()),
        codePoints.toUtf16(Math.max(start.getStartIndex(), stop.getStopIndex() + 1)));
  }

  /** An expression or condition that is not part of a larger one. */
  private static final class Root {
    final ParserRuleContext context;
    int terms;

    Root(ParserRuleContext context) {
      this.context = context;
    }
  }
}
