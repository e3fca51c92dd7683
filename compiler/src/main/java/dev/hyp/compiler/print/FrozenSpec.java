package dev.hyp.compiler.print;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Identifier;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A spec frozen at one trial (`hyp freeze`, `hyp best --spec`): every parameter becomes that
 * trial's value as a constant and the rest of the text stays as written, comments included, so
 * that the spec trains exactly that configuration as one trial. Text edits at the tree's spans;
 * the caller formats the result.
 *
 * <ul>
 *   <li>A parameter the trial has: `lr = loguniform(1e-4, 1e-1)` becomes `lr = 0.0123`; a
 *       condition goes (the parameter exists in the frozen spec's only trial).
 *   <li>A conditional parameter the trial lacks (`momentum ... if opt == nesterovs` with
 *       `opt = adam`) goes, and so does every argument or setting whose whole value it is: in the
 *       trial it was not passed either, so the default applied (a conditional parameter may
 *       appear nowhere else).
 *   <li>A per-layer parameter whose layers took one value (`units[1] = units[2] = 64`) becomes
 *       `units[depth] = 64`. When they differ, each layer's value becomes a constant of its own
 *       (`units_1 = 64`, `units_2 = 16`) and each loop that uses it is written out layer by layer
 *       (`for i in 1..depth { dense(units = units[i]) }` becomes `dense(units = units_1)`,
 *       `dense(units = units_2)`): the same network, in the language as it is. The layer count
 *       (`depth`) then goes too when nothing else uses it.
 *   <li>The experiment is renamed {@code NAME_frozen}, so that it runs into its own folder and
 *       leaves the search's study alone; the search's `trials` goes (one point, one trial).
 * </ul>
 */
public final class FrozenSpec {
  /** The spec cannot be frozen this way (a loop whose bounds are not numbers once frozen). */
  public static final class CannotFreezeException extends Exception {
    CannotFreezeException(String message) {
      super(message);
    }
  }

  private record Edit(int start, int end, String text) {}

  private final String text;
  private final Map<String, Object> values;
  private final List<Edit> edits = new ArrayList<>();
  private final Map<String, Setting> declared = new HashMap<>();
  /** Parameters the trial lacks. */
  private final Set<String> absent = new HashSet<>();
  /** Per-layer parameters whose layers differ: each layer's constant's name. */
  private final Map<String, Map<Integer, String>> unrolled = new HashMap<>();
  /** Names that the frozen spec's data, model and training still use. */
  private final Set<String> used = new HashSet<>();

  /** A data file's path as the frozen spec must write it (it may be saved in another folder). */
  private final Function<String, String> relocate;

  private FrozenSpec(String text, Map<String, Object> values, Function<String, String> relocate) {
    this.text = text;
    this.values = values;
    this.relocate = relocate;
  }

  /**
   * @param text the spec's text, which {@code experiment} was parsed from
   * @param values the trial's parameters by name (`units[2]` for a layer's)
   * @param relocate a `csv(...)` path of the spec as the frozen spec writes it (relative to where it is saved)
   */
  public static String freeze(String text, Experiment experiment, Map<String, Object> values,
      Function<String, String> relocate) throws CannotFreezeException {
    return new FrozenSpec(text, values, relocate).apply(experiment);
  }

  private String apply(Experiment experiment) throws CannotFreezeException {
    Identifier name = experiment.name();
    edits.add(new Edit(name.span().start(), name.span().end(), name.name() + "_frozen"));
    Set<String> names = new HashSet<>();
    for (Member member : experiment.members()) {
      if (member instanceof Block block && block.name().name().equals("params")) {
        block.members().forEach(m -> {
          if (m instanceof Setting s) {
            declared.put(s.name().name(), s);
            names.add(s.name().name());
          }
        });
      }
    }
    for (Setting parameter : declared.values()) {
      freezeParameter(parameter, names);
    }
    for (Member member : experiment.members()) {
      if (member instanceof SearchBlock search) {
        for (Member m : search.members()) {
          if (m instanceof Setting s && s.name().name().equals("trials")) {
            edits.add(deletion(s.span()));
          }
        }
      } else if (!(member instanceof Block block && block.name().name().equals("params"))) {
        rewriteMember(member, Map.of());
      }
    }
    dropUnusedLayerCounts();
    return applyEdits(text, edits);
  }

  /**
   * A layer count (`depth`) whose layers were written out may be used nowhere any more: it goes
   * too (an unused parameter is warned about), and the frozen trial does not have it.
   */
  private void dropUnusedLayerCounts() {
    for (String name : unrolled.keySet()) {
      String bound = declared.get(name).bound() instanceof Name n ? n.identifier().name() : null;
      boolean stillBounds = declared.values().stream().anyMatch(s -> s.bound() instanceof Name n
          && n.identifier().name().equals(bound) && !unrolled.containsKey(s.name().name())
          && !absent.contains(s.name().name()));
      if (bound != null && declared.containsKey(bound) && !used.contains(bound) && !stillBounds) {
        Span span = declared.get(bound).span();
        edits.removeIf(e -> e.start() >= span.start() && e.end() <= span.end());
        edits.add(deletion(span));
      }
    }
  }

  private void freezeParameter(Setting parameter, Set<String> names) {
    String name = parameter.name().name();
    Span whole = parameter.span();
    int valueStart = parameter.value().span().start();
    int valueEnd = parameter.when() != null ? parameter.when().span().end() : parameter.value().span().end();
    if (parameter.bound() == null) {
      if (!values.containsKey(name)) {
        absent.add(name);
        edits.add(deletion(whole));
      } else if (parameter.when() != null || !isConstant(parameter.value())) {
        edits.add(new Edit(valueStart, valueEnd, literal(values.get(name), parameter.value())));
      }
      return;
    }
    Map<Integer, Object> layers = new java.util.TreeMap<>();
    for (int k = 1; values.containsKey(layerName(name, k)); k++) {
      layers.put(k, values.get(layerName(name, k)));
    }
    if (layers.isEmpty()) {
      absent.add(name);
      edits.add(deletion(whole));
    } else if (new HashSet<>(layers.values()).size() == 1) {
      if (parameter.when() == null && isConstant(parameter.value())) {
        return;
      }
      edits.add(new Edit(valueStart, valueEnd, literal(layers.get(1), parameter.value())));
    } else {
      Map<Integer, String> constants = new java.util.TreeMap<>();
      StringBuilder lines = new StringBuilder();
      for (Map.Entry<Integer, Object> layer : layers.entrySet()) {
        String constant = name + "_" + layer.getKey();
        while (names.contains(constant)) {
          constant += "_";
        }
        names.add(constant);
        constants.put(layer.getKey(), constant);
        lines.append(lines.length() == 0 ? "" : "\n").append(constant).append(" = ")
            .append(literal(layer.getValue(), parameter.value()));
      }
      unrolled.put(name, constants);
      edits.add(new Edit(whole.start(), whole.end(), lines.toString()));
    }
  }

  /** Settings and calls outside `params`: arguments of absent parameters go, unrolled layers are written out. */
  private void rewriteMember(Member member, Map<String, Long> loopValues) throws CannotFreezeException {
    if (member instanceof Block block) {
      for (Member m : block.members()) {
        rewriteMember(m, loopValues);
      }
    } else if (member instanceof Setting setting) {
      if (isAbsent(setting.value())) {
        edits.add(deletion(setting.span()));
      } else {
        edits.addAll(expressionEdits(setting.value(), loopValues));
      }
    } else if (member instanceof CallMember call) {
      edits.addAll(expressionEdits(call.call(), loopValues));
    } else if (member instanceof ForLoop loop && usesUnrolled(loop)) {
      long from = bound(loop.from());
      long to = bound(loop.to());
      StringBuilder body = new StringBuilder();
      if (!loop.body().isEmpty()) {
        int start = loop.body().get(0).span().start();
        int end = loop.body().get(loop.body().size() - 1).span().end();
        for (long i = from; i <= to; i++) {
          Map<String, Long> inner = new HashMap<>(loopValues);
          inner.put(loop.variable().name(), i);
          List<Edit> local = new ArrayList<>();
          for (Member m : loop.body()) {
            local.addAll(memberEdits(m, inner));
          }
          List<Edit> shifted = local.stream().map(e -> new Edit(e.start() - start, e.end() - start, e.text())).toList();
          body.append(body.length() == 0 ? "" : "\n").append(applyEdits(text.substring(start, end), shifted));
        }
      }
      edits.add(new Edit(loop.span().start(), loop.span().end(), body.toString()));
    } else if (member instanceof ForLoop loop) {
      edits.addAll(expressionEdits(loop.from(), loopValues));
      edits.addAll(expressionEdits(loop.to(), loopValues));
      for (Member m : loop.body()) {
        rewriteMember(m, loopValues);
      }
    }
  }

  /** The edits of one member, collected apart (for a loop body written out once per layer). */
  private List<Edit> memberEdits(Member member, Map<String, Long> loopValues) throws CannotFreezeException {
    int before = edits.size();
    rewriteMember(member, loopValues);
    List<Edit> local = new ArrayList<>(edits.subList(before, edits.size()));
    edits.subList(before, edits.size()).clear();
    return local;
  }

  private List<Edit> expressionEdits(Expression expression, Map<String, Long> loopValues)
      throws CannotFreezeException {
    List<Edit> out = new ArrayList<>();
    collect(expression, loopValues, out);
    return out;
  }

  private void collect(Expression expression, Map<String, Long> loopValues, List<Edit> out)
      throws CannotFreezeException {
    if (expression instanceof Call call && call.callee().name().equals("csv") && !call.arguments().isEmpty()
        && call.arguments().get(0).value() instanceof StringLiteral path) {
      String moved = relocate.apply(path.value());
      if (!moved.equals(path.value())) {
        out.add(new Edit(path.span().start(), path.span().end(), literal(moved, path)));
      }
    } else if (expression instanceof Call call) {
      List<Argument> arguments = call.arguments();
      for (int i = 0; i < arguments.size(); i++) {
        Argument argument = arguments.get(i);
        if (isAbsent(argument.value())) {
          // the argument and the comma after it (or, for the last, the comma before it)
          int start = argument.span().start();
          int end = i + 1 < arguments.size() ? arguments.get(i + 1).span().start() : argument.span().end();
          if (i + 1 == arguments.size() && i > 0 && !isAbsent(arguments.get(i - 1).value())) {
            start = arguments.get(i - 1).span().end();
          }
          out.add(new Edit(start, end, ""));
        } else {
          collect(argument.value(), loopValues, out);
        }
      }
    } else if (expression instanceof IndexExpression index && unrolled.containsKey(index.name().name())) {
      long k = value(index.index(), loopValues);
      String constant = unrolled.get(index.name().name()).get((int) k);
      if (constant == null) {
        throw new CannotFreezeException("`" + index.name().name() + "[" + k + "]` is used, but the trial has no "
            + "such layer");
      }
      out.add(new Edit(index.span().start(), index.span().end(), constant));
    } else if (expression instanceof IndexExpression index) {
      collect(index.index(), loopValues, out);
    } else if (expression instanceof Name name && !loopValues.containsKey(name.identifier().name())) {
      used.add(name.identifier().name());
    } else if (expression instanceof Name name) {
      out.add(new Edit(name.span().start(), name.span().end(), String.valueOf(loopValues.get(
          name.identifier().name()))));
    } else if (expression instanceof Binary binary) {
      collect(binary.left(), loopValues, out);
      collect(binary.right(), loopValues, out);
    } else if (expression instanceof Negate negate) {
      collect(negate.operand(), loopValues, out);
    } else if (expression instanceof ParenExpression paren) {
      collect(paren.inner(), loopValues, out);
    }
  }

  /** Whether a loop's body uses a per-layer parameter whose layers are written out. */
  private boolean usesUnrolled(ForLoop loop) {
    return mentionsUnrolled(loop.body());
  }

  private boolean mentionsUnrolled(List<Member> members) {
    for (Member m : members) {
      boolean found = m instanceof Setting s ? mentionsUnrolled(s.value())
          : m instanceof CallMember c ? mentionsUnrolled(c.call())
          : m instanceof Block b ? mentionsUnrolled(b.members())
          : m instanceof ForLoop f && mentionsUnrolled(f.body());
      if (found) {
        return true;
      }
    }
    return false;
  }

  private boolean mentionsUnrolled(Expression e) {
    if (e instanceof IndexExpression index) {
      return unrolled.containsKey(index.name().name()) || mentionsUnrolled(index.index());
    } else if (e instanceof Call call) {
      return call.arguments().stream().anyMatch(a -> mentionsUnrolled(a.value()));
    } else if (e instanceof Binary b) {
      return mentionsUnrolled(b.left()) || mentionsUnrolled(b.right());
    } else if (e instanceof Negate n) {
      return mentionsUnrolled(n.operand());
    } else if (e instanceof ParenExpression p) {
      return mentionsUnrolled(p.inner());
    }
    return false;
  }

  /** A loop bound once frozen: a whole number, or a parameter whose value the trial gives. */
  private long bound(Expression expression) throws CannotFreezeException {
    return value(expression, Map.of());
  }

  private long value(Expression expression, Map<String, Long> loopValues) throws CannotFreezeException {
    if (expression instanceof NumberLiteral number && number.text().matches("[0-9]+")) {
      return Long.parseLong(number.text());
    }
    if (expression instanceof Name name) {
      String n = name.identifier().name();
      if (loopValues.containsKey(n)) {
        return loopValues.get(n);
      }
      if (values.get(n) instanceof Number v) {
        return v.longValue();
      }
      Setting constant = declared.get(n);
      if (constant != null && constant.value() instanceof NumberLiteral literal && literal.text().matches("[0-9]+")) {
        return Long.parseLong(literal.text());
      }
    }
    if (expression instanceof ParenExpression paren) {
      return value(paren.inner(), loopValues);
    }
    throw new CannotFreezeException("a loop over per-layer parameters needs whole numbers or parameters as its "
        + "bounds to be written out layer by layer, not `" + text.substring(expression.span().start(),
        expression.span().end()) + "`");
  }

  private boolean isAbsent(Expression value) {
    return value instanceof Name name && absent.contains(name.identifier().name());
  }

  private static boolean isConstant(Expression value) {
    return !(value instanceof Call);
  }

  /** A trial's value as the spec writes it: a name stays a name, a string is quoted. */
  private static String literal(Object value, Expression declared) {
    if (value instanceof String s) {
      boolean quoted = declared instanceof StringLiteral || declared instanceof Call call
          && call.arguments().stream().anyMatch(a -> a.value() instanceof StringLiteral);
      return quoted ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : s;
    }
    if (value instanceof Double d) {
      return Double.toString(d).replace('E', 'e');
    }
    return String.valueOf(value);
  }

  /** Removes a member, and its line when nothing else is on it (no blank line is left behind). */
  private Edit deletion(Span span) {
    int start = span.start();
    while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
      start--;
    }
    int end = span.end();
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\r')) {
      end++;
    }
    boolean ownLine = (start == 0 || text.charAt(start - 1) == '\n') && end < text.length()
        && text.charAt(end) == '\n';
    return ownLine ? new Edit(start, end + 1, "") : new Edit(span.start(), span.end(), "");
  }

  private static String layerName(String name, int k) {
    return name + "[" + k + "]";
  }

  private static String applyEdits(String text, List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder out = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (Edit edit : sorted) {
      if (edit.end() > limit) {
        continue; // inside an edit already made (an argument of a loop written out)
      }
      out.replace(edit.start(), edit.end(), edit.text());
      limit = edit.start();
    }
    return out.toString();
  }
}
