package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.AndCondition;
import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Comparison;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Identifier;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NotCondition;
import dev.hyp.compiler.ast.OrCondition;
import dev.hyp.compiler.ast.ParenCondition;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each parameter of a spec is declared and every place its name is read: a name (`lr`), an
 * indexed name (`units[i]`), a callee in a value (`updater = opt(lr = lr)`), a condition, a per-layer
 * bound or a loop's range. Setting, argument and layer names are not references (`dropout(rate =
 * dropout)` reads the parameter once), and a loop variable may not reuse a parameter's name, so
 * any other name that is a parameter's means it. For tools: go to definition,
 * find references, rename.
 */
public final class ParamReferences {
  /** One parameter: its declared name's span, and the spans of the names that read it, in source order. */
  public record Param(String name, Span declaration, Setting setting, List<Span> references) {
    public Param {
      references = List.copyOf(references);
    }
  }

  private final Map<String, Param> params;

  private ParamReferences(Map<String, Param> params) {
    this.params = Collections.unmodifiableMap(params);
  }

  public static ParamReferences of(Experiment experiment) {
    Map<String, Setting> declared = new LinkedHashMap<>();
    for (Member member : experiment.members()) {
      if (member instanceof Block block && block.name().name().equals("params")) {
        for (Member item : block.members()) {
          if (item instanceof Setting setting) {
            declared.putIfAbsent(setting.name().name(), setting);
          }
        }
      }
    }
    Map<String, List<Span>> uses = new LinkedHashMap<>();
    declared.keySet().forEach(name -> uses.put(name, new ArrayList<>()));
    new Walker(uses).members(experiment.members());
    Map<String, Param> params = new LinkedHashMap<>();
    declared.forEach((name, setting) -> params.put(name, new Param(name, setting.name().span(), setting,
        uses.get(name).stream().sorted(java.util.Comparator.comparingInt(Span::start)).toList())));
    return new ParamReferences(params);
  }

  /** Every declared parameter, in the order of `params`. */
  public List<Param> all() {
    return List.copyOf(params.values());
  }

  public Optional<Param> get(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** The parameter whose declaration or one of whose references covers {@code offset} (its end included). */
  public Optional<Param> at(int offset) {
    for (Param param : params.values()) {
      if (covers(param.declaration(), offset) || param.references().stream().anyMatch(s -> covers(s, offset))) {
        return Optional.of(param);
      }
    }
    return Optional.empty();
  }

  private static boolean covers(Span span, int offset) {
    return span.start() <= offset && offset <= span.end();
  }

  /** Collects the spans of parameter names in every expression and condition. */
  private record Walker(Map<String, List<Span>> uses) {
    void members(List<Member> members) {
      for (Member member : members) {
        if (member instanceof Setting setting) {
          expression(setting.bound());
          expression(setting.value());
          condition(setting.when());
        } else if (member instanceof Block block) {
          members(block.members());
        } else if (member instanceof SearchBlock search) {
          members(search.members());
        } else if (member instanceof ForLoop loop) {
          expression(loop.from());
          expression(loop.to());
          members(loop.body());
        } else if (member instanceof CallMember call) {
          // a layer: its callee is the layer's name (`dropout(rate = dropout)`), its arguments may read parameters
          call.call().arguments().stream().map(Argument::value).forEach(this::expression);
        }
      }
    }

    void name(Identifier identifier) {
      List<Span> spans = uses.get(identifier.name());
      if (spans != null) {
        spans.add(identifier.span());
      }
    }

    void expression(Expression expression) {
      if (expression instanceof Name name) {
        name(name.identifier());
      } else if (expression instanceof IndexExpression index) {
        name(index.name());
        expression(index.index());
      } else if (expression instanceof Call call) {
        name(call.callee());
        call.arguments().stream().map(Argument::value).forEach(this::expression);
      } else if (expression instanceof Binary binary) {
        expression(binary.left());
        expression(binary.right());
      } else if (expression instanceof Negate negate) {
        expression(negate.operand());
      } else if (expression instanceof ParenExpression paren) {
        expression(paren.inner());
      } else if (expression instanceof ListLiteral list) {
        list.elements().forEach(this::expression);
      }
    }

    void condition(Condition condition) {
      if (condition instanceof Comparison comparison) {
        expression(comparison.left());
        expression(comparison.right());
      } else if (condition instanceof AndCondition and) {
        condition(and.left());
        condition(and.right());
      } else if (condition instanceof OrCondition or) {
        condition(or.left());
        condition(or.right());
      } else if (condition instanceof NotCondition not) {
        condition(not.operand());
      } else if (condition instanceof ParenCondition paren) {
        condition(paren.inner());
      }
    }
  }
}
