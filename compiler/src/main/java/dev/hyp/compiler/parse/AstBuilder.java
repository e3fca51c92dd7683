package dev.hyp.compiler.parse;

import dev.hyp.compiler.ast.AndCondition;
import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.BinaryOperator;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Comparison;
import dev.hyp.compiler.ast.ComparisonOperator;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Identifier;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NotCondition;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.ObjectiveMember;
import dev.hyp.compiler.ast.ObjectiveTerm;
import dev.hyp.compiler.ast.MultiObjectiveMember;
import dev.hyp.compiler.ast.ConstraintMember;
import dev.hyp.compiler.ast.OrCondition;
import dev.hyp.compiler.ast.ParenCondition;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.source.Span;
import dev.hyp.grammar.HypLexer;
import dev.hyp.grammar.HypParser;
import dev.hyp.grammar.HypParserBaseVisitor;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the syntax tree from ANTLR's parse tree: one visit method per labelled alternative,
 * each building one node with its span. ANTLR types go no further than this class. It recurses
 * as deep as the tree, which {@link NestingLimit} and {@link ExpressionSize} have bounded.
 */
final class AstBuilder extends HypParserBaseVisitor<Object> {
  private final CodePoints codePoints;
  private final List<Diagnostic> diagnostics;

  AstBuilder(CodePoints codePoints, List<Diagnostic> diagnostics) {
    this.codePoints = codePoints;
    this.diagnostics = diagnostics;
  }

  Experiment build(HypParser.FileContext file) {
    return experiment(file.experiment());
  }

  private Experiment experiment(HypParser.ExperimentContext ctx) {
    return new Experiment(identifier(ctx.name), members(ctx.member()), span(ctx));
  }

  private List<Member> members(List<HypParser.MemberContext> members) {
    return members.stream().map(m -> (Member) visit(m)).toList();
  }

  @Override
  public Member visitObjectiveMember(HypParser.ObjectiveMemberContext ctx) {
    boolean maximize = ctx.direction.getType() == HypLexer.MAXIMIZE;
    if (ctx.objectiveTerm().isEmpty()) { // one objective: the node it always was
      return new ObjectiveMember(maximize, span(ctx.direction), identifier(ctx.metric), identifier(ctx.split),
          span(ctx));
    }
    List<ObjectiveTerm> terms = new java.util.ArrayList<>();
    terms.add(new ObjectiveTerm(maximize, span(ctx.direction), identifier(ctx.metric), identifier(ctx.split),
        new Span(span(ctx.direction).start(), span(ctx.split).end())));
    ctx.objectiveTerm().forEach(term -> terms.add(objectiveTerm(term)));
    return new MultiObjectiveMember(terms, span(ctx));
  }

  private ObjectiveTerm objectiveTerm(HypParser.ObjectiveTermContext ctx) {
    return new ObjectiveTerm(ctx.direction.getType() == HypLexer.MAXIMIZE, span(ctx.direction),
        identifier(ctx.measure), ctx.split == null ? null : identifier(ctx.split), span(ctx));
  }

  @Override
  public Member visitConstraintMember(HypParser.ConstraintMemberContext ctx) {
    ComparisonOperator operator = ctx.op.getType() == HypLexer.LE ? ComparisonOperator.LE : ComparisonOperator.GE;
    return new ConstraintMember(identifier(ctx.measure), ctx.split == null ? null : identifier(ctx.split), operator,
        expression(ctx.limit), span(ctx));
  }

  @Override
  public Member visitSearchMember(HypParser.SearchMemberContext ctx) {
    return new SearchBlock(identifier(ctx.strategy), members(ctx.member()), span(ctx));
  }

  @Override
  public Member visitForMember(HypParser.ForMemberContext ctx) {
    return new ForLoop(identifier(ctx.variable), expression(ctx.from), expression(ctx.to),
        members(ctx.member()), span(ctx));
  }

  @Override
  public Member visitBlockMember(HypParser.BlockMemberContext ctx) {
    return new Block(identifier(ctx.name), members(ctx.member()), span(ctx));
  }

  @Override
  public Member visitSettingMember(HypParser.SettingMemberContext ctx) {
    Expression bound = ctx.bound == null ? null : expression(ctx.bound);
    Condition when = ctx.when == null ? null : condition(ctx.when);
    return new Setting(identifier(ctx.name), bound, expression(ctx.value), when, span(ctx));
  }

  @Override
  public Member visitCallMember(HypParser.CallMemberContext ctx) {
    return new CallMember(call(ctx.callee, ctx.arguments(), ctx));
  }

  @Override
  public Condition visitNotCondition(HypParser.NotConditionContext ctx) {
    return new NotCondition(condition(ctx.operand), span(ctx));
  }

  @Override
  public Condition visitAndCondition(HypParser.AndConditionContext ctx) {
    return new AndCondition(condition(ctx.left), condition(ctx.right), span(ctx));
  }

  @Override
  public Condition visitOrCondition(HypParser.OrConditionContext ctx) {
    return new OrCondition(condition(ctx.left), condition(ctx.right), span(ctx));
  }

  @Override
  public Condition visitParenCondition(HypParser.ParenConditionContext ctx) {
    return new ParenCondition(condition(ctx.inner), span(ctx));
  }

  @Override
  public Condition visitCompareCondition(HypParser.CompareConditionContext ctx) {
    ComparisonOperator operator = switch (ctx.op.getType()) {
      case HypLexer.EQ -> ComparisonOperator.EQ;
      case HypLexer.NE -> ComparisonOperator.NE;
      case HypLexer.LT -> ComparisonOperator.LT;
      case HypLexer.LE -> ComparisonOperator.LE;
      case HypLexer.GT -> ComparisonOperator.GT;
      default -> ComparisonOperator.GE;
    };
    return new Comparison(operator, expression(ctx.left), expression(ctx.right), span(ctx));
  }

  @Override
  public Expression visitNegateExpression(HypParser.NegateExpressionContext ctx) {
    return new Negate(expression(ctx.operand), span(ctx));
  }

  @Override
  public Expression visitBinaryExpression(HypParser.BinaryExpressionContext ctx) {
    BinaryOperator operator = switch (ctx.op.getType()) {
      case HypLexer.STAR -> BinaryOperator.MULTIPLY;
      case HypLexer.SLASH -> BinaryOperator.DIVIDE;
      case HypLexer.PLUS -> BinaryOperator.ADD;
      default -> BinaryOperator.SUBTRACT;
    };
    return new Binary(operator, expression(ctx.left), expression(ctx.right), span(ctx));
  }

  @Override
  public Expression visitCallExpression(HypParser.CallExpressionContext ctx) {
    return call(ctx.callee, ctx.arguments(), ctx);
  }

  @Override
  public Expression visitIndexExpression(HypParser.IndexExpressionContext ctx) {
    return new IndexExpression(identifier(ctx.name), expression(ctx.index), span(ctx));
  }

  @Override
  public Expression visitNameExpression(HypParser.NameExpressionContext ctx) {
    return new Name(identifier(ctx.name));
  }

  @Override
  public Expression visitNumberExpression(HypParser.NumberExpressionContext ctx) {
    NumberLiteral number = new NumberLiteral(ctx.getText(), span(ctx));
    if (Double.isInfinite(number.value()) || (number.isInteger() && !fitsLong(number.text()))) {
      diagnostics.add(Diagnostic.error(Code.HYP007, number.span(), "number `" + number.text() + "` is too large")
          .label("out of range")
          .build());
    }
    return number;
  }

  @Override
  public Expression visitDurationExpression(HypParser.DurationExpressionContext ctx) {
    DurationLiteral duration = new DurationLiteral(ctx.getText(), span(ctx));
    String digits = duration.text().substring(0, duration.text().length() - 1);
    if (digits.length() > 9) {
      diagnostics.add(Diagnostic.error(Code.HYP007, duration.span(), "duration `" + duration.text() + "` is too long")
          .label("out of range")
          .build());
    }
    return duration;
  }

  @Override
  public Expression visitStringExpression(HypParser.StringExpressionContext ctx) {
    return new StringLiteral(unescape(ctx.getText()), span(ctx));
  }

  @Override
  public Expression visitBooleanExpression(HypParser.BooleanExpressionContext ctx) {
    return new BooleanLiteral(ctx.value.getType() == HypLexer.TRUE, span(ctx));
  }

  @Override
  public Expression visitListExpression(HypParser.ListExpressionContext ctx) {
    return new ListLiteral(ctx.expression().stream().map(this::expression).toList(), span(ctx));
  }

  @Override
  public Expression visitParenExpression(HypParser.ParenExpressionContext ctx) {
    return new ParenExpression(expression(ctx.inner), span(ctx));
  }

  private Call call(HypParser.IdentifierContext callee, HypParser.ArgumentsContext arguments, ParserRuleContext ctx) {
    List<Argument> args = arguments == null ? List.of() : arguments.argument().stream().map(this::argument).toList();
    return new Call(identifier(callee), args, span(ctx));
  }

  private Argument argument(HypParser.ArgumentContext ctx) {
    Identifier name = ctx.name == null ? null : identifier(ctx.name);
    return new Argument(name, expression(ctx.value), span(ctx));
  }

  private Expression expression(HypParser.ExpressionContext ctx) {
    return (Expression) visit(ctx);
  }

  private Condition condition(HypParser.ConditionContext ctx) {
    return (Condition) visit(ctx);
  }

  private Identifier identifier(HypParser.IdentifierContext ctx) {
    return new Identifier(ctx.getText(), span(ctx));
  }

  private Span span(ParserRuleContext ctx) {
    Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
    int end = Math.max(ctx.getStart().getStartIndex(), stop.getStopIndex() + 1);
    return new Span(codePoints.toUtf16(ctx.getStart().getStartIndex()), codePoints.toUtf16(end));
  }

  private Span span(Token token) {
    return new Span(codePoints.toUtf16(token.getStartIndex()), codePoints.toUtf16(token.getStopIndex() + 1));
  }

  private static boolean fitsLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Resolves `\"`, `\\`, `\n`, `\t` (others were rejected before parsing) and drops the quotes. */
  static String unescape(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\') {
        char next = quoted.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
