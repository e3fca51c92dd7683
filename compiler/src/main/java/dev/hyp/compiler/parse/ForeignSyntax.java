package dev.hyp.compiler.parse;

import dev.hyp.grammar.HypLexer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The help for syntax that comes from Python, YAML, JSON, Optuna, hyperopt, Keras or W&B sweeps:
 * each names the hyp way of writing it. Null when the mistake is not one of these habits.
 */
final class ForeignSyntax {
  /** Words that declare a variable or give its type in other languages. */
  private static final Set<String> DECLARATIONS = Set.of("let", "var", "val", "const", "def", "float", "int", "str",
      "bool", "double", "auto", "string", "integer", "final", "set");
  /** Modules whose members people call in Python: `trial.suggest_float`, `hp.choice`, `nn.Linear`. */
  private static final Set<String> SEARCH_MODULES = Set.of("trial", "hp", "tune", "optuna", "wandb", "config", "space",
      "skopt", "ray");
  private static final Set<String> MODEL_MODULES = Set.of("nn", "layers", "keras", "tf", "torch", "optim",
      "optimizers", "losses", "activations", "F");

  private final String text;
  private final CodePoints codePoints;
  private final List<Token> tokens;

  ForeignSyntax(String text, CodePoints codePoints, List<Token> tokens) {
    this.text = text;
    this.codePoints = codePoints;
    this.tokens = tokens;
  }

  /** For a character that is not part of the language, at token {@code index}. */
  String character(int index) {
    Token token = tokens.get(index);
    Token before = visible(index, -1);
    Token after = visible(index, +1);
    return switch (token.getText()) {
      case ":" -> colon(index, before, after);
      case "&" -> "write `and`";
      case "|" -> "write `or`";
      case "!" -> "write `not`";
      case "^" -> before != null && before.getText().equals("10")
          ? "write powers of ten as `1e-4`" : "hyp has no `^`: write powers of ten as `1e-4`";
      case "%" -> "write a fraction: `0.2` for 20%";
      case "." -> dot(before);
      default -> null;
    };
  }

  private String colon(int index, Token before, Token after) {
    if (after != null && after.getType() == HypLexer.ASSIGN
        && after.getStartIndex() == tokens.get(index).getStopIndex() + 1) {
      return "write `=` instead of `:=`";
    }
    if (before == null || (before.getType() != HypLexer.IDENTIFIER && before.getType() != HypLexer.STRING
        && before.getType() != HypLexer.EXPERIMENT)) {
      return "hyp has no `:`; a value is set with `=`: `name = value`";
    }
    if (before.getType() == HypLexer.EXPERIMENT) {
      return "write `experiment NAME {`, such as `experiment iris {`";
    }
    String name = unquoted(before.getText());
    if (insideParentheses(index)) {
      return "arguments are named with `=`: `" + name + " = ...`";
    }
    Token beforeName = visible(before.getTokenIndex(), -1);
    if (beforeName != null && beforeName.getType() == HypLexer.LBRACE) {
      Token opener = visible(beforeName.getTokenIndex(), -1);
      if (opener != null && opener.getType() == HypLexer.ASSIGN) {
        return "a range is a call, not a dictionary: `loguniform(1e-4, 1e-1)`, `int(16, 128)`, `choice(a, b)`";
      }
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (key.equals("method")) {
      return "the strategy is named in the header of `search`: `search gp { ... }` for W&B's `method: bayes`, "
          + "or `search tpe`, `search random`, `search grid`";
    }
    if (key.equals("parameters")) {
      return "the search space is the `params` section: `params { lr = loguniform(1e-4, 1e-1) }`";
    }
    if (key.equals("metric") || key.equals("goal")) {
      return "the objective is one line: `objective = maximize accuracy on validation`";
    }
    if (after == null || line(after) != line(tokens.get(index))) {
      return "hyp is not YAML: a setting or parameter is one line, such as `" + name
          + " = loguniform(1e-4, 1e-1)`, and a section is `NAME { ... }`";
    }
    String rest = restOfLine(tokens.get(index));
    String noDash = yamlListDash(before) ? ", with no `-` before it" : "";
    return "a value is set with `=`" + noDash + ": `" + name + " = " + (rest.isEmpty() ? "..." : rest) + "`";
  }

  private static String dot(Token before) {
    if (before == null) {
      return null;
    }
    if (before.getType() == HypLexer.NUMBER) {
      return "write `" + before.getText() + ".0`";
    }
    String name = before.getText();
    if (SEARCH_MODULES.contains(name)) {
      return "declare each parameter in `params` with its distribution: `lr = loguniform(1e-4, 1e-1)`, "
          + "`units = int(16, 128)`, `act = choice(relu, tanh)`";
    }
    if (MODEL_MODULES.contains(name)) {
      return "write hyp's names alone: `dense(units = 64)`, `updater = adam(lr = 0.001)`, `loss = mcxent`";
    }
    return "names have no `.`: a parameter is used by its name alone, such as `lr`";
  }

  /**
   * For `'relu'` (Keras' `activation='relu'`): names of the language take no quotes at all. Null
   * when the quoted text is not a name.
   */
  String singleQuotedName(int index) {
    int start = codePoints.toUtf16(tokens.get(index).getStartIndex());
    int end = text.indexOf('\'', start + 1);
    int lineEnd = text.indexOf('\n', start);
    if (end < 0 || (lineEnd >= 0 && end > lineEnd)) {
      return null;
    }
    String inside = text.substring(start + 1, end);
    return inside.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? "a name of the language, such as an activation or a loss, takes no quotes: `" + inside + "`" : null;
  }

  /** For the parser's first complaint: {@code offending} where {@code expected} would do. */
  String syntax(Token offending, IntervalSet expected) {
    int type = offending.getType();
    Token before = visible(offending.getTokenIndex(), -1);
    Token after = visible(offending.getTokenIndex(), +1);
    if (type == HypLexer.ASSIGN && before != null && before.getType() == HypLexer.IDENTIFIER
        && yamlListDash(before)) {
      return "hyp is not YAML: a parameter is one line with no `-` before it: `" + before.getText() + " = "
          + restOfLine(offending) + "`";
    }
    if (type == HypLexer.EQ && !expected.contains(HypLexer.EQ)) {
      return "set a value with `=`; `==` compares, in conditions";
    }
    if (type == HypLexer.MINUS && after != null && after.getType() == HypLexer.GT) {
      return "write `=` instead of `->`";
    }
    if (type == HypLexer.STAR && before != null && before.getType() == HypLexer.STAR) {
      return "hyp has no `**`: write powers of ten as `1e-4`";
    }
    if (type == HypLexer.GT && before != null && before.getType() == HypLexer.LT) {
      return "write `!=` for \"not equal\"";
    }
    if (type == HypLexer.IDENTIFIER && offending.getText().equals("is") && expected.contains(HypLexer.EQ)) {
      return "compare with `==`: `opt == nesterovs`";
    }
    if (type == HypLexer.IN && expected.contains(HypLexer.EQ)) {
      return "compare with each value: `opt == adam or opt == nesterovs`";
    }
    if (type == HypLexer.IDENTIFIER && before != null && before.getType() == HypLexer.NUMBER
        && offending.getText().matches("[eE]")) {
      return "write the exponent without spaces: `" + before.getText() + "e-4`";
    }
    if (type == HypLexer.STRING && expected.contains(HypLexer.IDENTIFIER)) {
      return "names are written without quotes: `" + unquoted(offending.getText()) + "`";
    }
    if (type == HypLexer.STRING && before != null && before.getType() == HypLexer.IDENTIFIER
        && before.getStopIndex() + 1 == offending.getStartIndex() && before.getText().length() <= 2) {
      return "strings take no prefix: write `" + offending.getText() + "`";
    }
    if (type == HypLexer.IDENTIFIER && before != null && DECLARATIONS.contains(before.getText())) {
      return "names are declared by setting them, with no `" + before.getText() + "`: `" + offending.getText()
          + " = ...`";
    }
    if ((type == HypLexer.MAXIMIZE || type == HypLexer.MINIMIZE) && !expected.contains(HypLexer.MAXIMIZE)) {
      return "the direction belongs to the objective, one line of the experiment: `objective = "
          + offending.getText() + " accuracy on validation`";
    }
    if (expected.contains(HypLexer.MAXIMIZE)) {
      return "write `objective = maximize accuracy on validation` (or `minimize loss on validation`)";
    }
    if (type == HypLexer.LBRACE && before != null && before.getType() == HypLexer.SEARCH) {
      return "name the strategy after `search`: `search tpe { ... }` (or `random`, `grid`, `gp`, `auto`, ...)";
    }
    if (type == HypLexer.LPAREN && before != null && beforeIs(before, HypLexer.SEARCH)) {
      return "the search settings go in braces: `search " + before.getText() + " { trials = 40 }`";
    }
    if (type == HypLexer.LBRACE && before != null && before.getType() == HypLexer.OBJECTIVE) {
      return "the objective is one line: `objective = maximize accuracy on validation`";
    }
    String underscored = underscoredNumber(offending);
    if (underscored == null && before != null) {
      underscored = underscoredNumber(before);
    }
    if (underscored != null) {
      return "write numbers without `_`: `" + underscored + "`";
    }
    if (type == HypLexer.DOTDOT) {
      return "`..` is for the ranges of `for` loops; a parameter's range is a call: `int(1, 10)` or "
          + "`uniform(0.1, 0.5)`";
    }
    if (expected.contains(HypLexer.ON) && expected.size() == 1) {
      return "name the split the metric is measured on: `on validation` (or `on test`)";
    }
    if (type == HypLexer.IDENTIFIER && expected.contains(HypLexer.EXPERIMENT)) {
      return "a spec starts with `experiment NAME {`: `experiment " + offending.getText() + " {`";
    }
    if (type == HypLexer.COMMA && expected.contains(HypLexer.RPAREN) && before != null
        && insideDoubleParentheses(offending.getTokenIndex())) {
      return "parentheses hold one value; a choice lists its values without them: `choice(16, 32)`";
    }
    return null;
  }

  /** `1_000` lexes as `1` and the name `_000`: the number without `_`, or null for any other token. */
  private String underscoredNumber(Token token) {
    Token number = visible(token.getTokenIndex(), -1);
    if (token.getType() != HypLexer.IDENTIFIER || !token.getText().startsWith("_") || number == null
        || number.getType() != HypLexer.NUMBER || number.getStopIndex() + 1 != token.getStartIndex()) {
      return null;
    }
    return number.getText() + token.getText().replace("_", "");
  }

  /**
   * Whether {@code name} follows a `-` that opens its line, as a YAML list item does (`- lr: ...`).
   * Such a line parses as a subtraction from the line before, so the parser stops at what follows.
   */
  private boolean yamlListDash(Token name) {
    Token dash = visible(name.getTokenIndex(), -1);
    if (dash == null || dash.getType() != HypLexer.MINUS || line(dash) != line(name)) {
      return false;
    }
    Token previous = visible(dash.getTokenIndex(), -1);
    return previous == null || line(previous) < line(dash);
  }

    /** Whether the visible token before {@code token} has {@code type}. */
  private boolean beforeIs(Token token, int type) {
    Token previous = visible(token.getTokenIndex(), -1);
    return previous != null && previous.getType() == type;
  }

  /** The nearest token on the default channel before ({@code step} -1) or after (+1) {@code index}. */
  private Token visible(int index, int step) {
    for (int i = index + step; i >= 0 && i < tokens.size(); i += step) {
      Token token = tokens.get(i);
      if (token.getType() == Token.EOF) {
        return null;
      }
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        return token;
      }
    }
    return null;
  }

  /** Whether more `(` than `)` come before {@code index} on its line or since the last `{`. */
  private boolean insideParentheses(int index) {
    int depth = 0;
    for (int i = index - 1; i >= 0; i--) {
      int type = tokens.get(i).getType();
      if (type == HypLexer.LBRACE || type == HypLexer.RBRACE) {
        break;
      }
      depth += type == HypLexer.LPAREN ? 1 : type == HypLexer.RPAREN ? -1 : 0;
    }
    return depth > 0;
  }

  /** Whether {@code index} is inside `((` (a Python tuple inside a call). */
  private boolean insideDoubleParentheses(int index) {
    for (int i = index - 1; i > 0; i--) {
      Token token = tokens.get(i);
      if (token.getType() == HypLexer.RPAREN || token.getType() == HypLexer.LBRACE) {
        return false;
      }
      if (token.getType() == HypLexer.LPAREN) {
        Token previous = visible(i, -1);
        return previous != null && previous.getType() == HypLexer.LPAREN;
      }
    }
    return false;
  }

  private String restOfLine(Token token) {
    int from = codePoints.toUtf16(token.getStopIndex() + 1);
    int lineEnd = text.indexOf('\n', from);
    return text.substring(from, lineEnd < 0 ? text.length() : lineEnd).strip();
  }

  private static int line(Token token) {
    return token.getLine();
  }

  private static String unquoted(String name) {
    return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1)
        : name;
  }
}
