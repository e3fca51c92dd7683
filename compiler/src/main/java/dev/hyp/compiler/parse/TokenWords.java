package dev.hyp.compiler.parse;

import dev.hyp.grammar.HypLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Says in words what the parser expected or found: `}`, a name, a value; never rule names. */
final class TokenWords {
  private static final Set<Integer> VALUE_STARTS = Set.of(
      HypLexer.NUMBER, HypLexer.STRING, HypLexer.DURATION, HypLexer.TRUE, HypLexer.FALSE,
      HypLexer.MINUS, HypLexer.LPAREN, HypLexer.IDENTIFIER);
  private static final Set<Integer> OPERATORS = Set.of(
      HypLexer.PLUS, HypLexer.MINUS, HypLexer.STAR, HypLexer.SLASH);
  private static final Set<Integer> COMPARISONS = Set.of(
      HypLexer.EQ, HypLexer.NE, HypLexer.LT, HypLexer.LE, HypLexer.GT, HypLexer.GE);

  private TokenWords() {}

  static String found(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    return switch (token.getType()) {
      case HypLexer.NUMBER -> "number `" + token.getText() + "`";
      case HypLexer.STRING -> "string " + shorten(token.getText());
      case HypLexer.DURATION -> "duration `" + token.getText() + "`";
      case HypLexer.IDENTIFIER -> "`" + token.getText() + "`";
      default -> "`" + token.getText() + "`";
    };
  }

  /** "`}`", "`=` or `{`", "a value", "a name, `}` or `for`". */
  static String expected(IntervalSet expected) {
    Set<Integer> types = new LinkedHashSet<>(expected.toList());
    List<String> words = new ArrayList<>();
    if (types.containsAll(VALUE_STARTS)) {
      types.removeAll(VALUE_STARTS);
      types.remove(HypLexer.LBRACKET); // a list is a value too
      words.add("a value");
    }
    if (types.containsAll(COMPARISONS)) {
      types.removeAll(COMPARISONS);
      words.add("a comparison such as `==`");
    }
    if (types.containsAll(OPERATORS)) {
      types.removeAll(OPERATORS);
      words.add("an operator");
    }
    if (types.remove(HypLexer.IDENTIFIER)) {
      words.add(0, "a name");
    }
    types.remove(HypLexer.SEARCH);
    types.remove(HypLexer.OBJECTIVE);
    for (int type : types) {
      words.add(word(type));
    }
    return join(words);
  }

  static String word(int type) {
    if (type == Token.EOF) {
      return "end of file";
    }
    return switch (type) {
      case HypLexer.IDENTIFIER -> "a name";
      case HypLexer.NUMBER -> "a number";
      case HypLexer.STRING -> "a string";
      case HypLexer.DURATION -> "a duration";
      default -> "`" + literal(type) + "`";
    };
  }

  private static String literal(int type) {
    String name = HypLexer.VOCABULARY.getLiteralName(type);
    return name == null ? HypLexer.VOCABULARY.getDisplayName(type) : name.substring(1, name.length() - 1);
  }

  private static String join(List<String> words) {
    if (words.isEmpty()) {
      return "something else";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    List<String> shown = words.size() > 6 ? words.subList(0, 6) : words;
    String head = String.join(", ", shown.subList(0, shown.size() - 1));
    return head + (words.size() > 6 ? ", " + shown.get(shown.size() - 1) + ", ..." : " or " + shown.get(shown.size() - 1));
  }

  private static String shorten(String text) {
    return text.length() <= 24 ? "`" + text + "`" : "`" + text.substring(0, 20) + "...\"`";
  }
}
