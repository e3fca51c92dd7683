package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import java.util.List;

/** The Java that builds a spec's search space with the runtime's SearchSpace builder. */
final class SearchSpaceCode {
  static final ClassName SEARCH_SPACE = ClassName.get("dev.hyp.runtime.space", "SearchSpace");
  private static final ClassName FLOAT = ClassName.get("dev.hyp.runtime.space", "FloatDistribution");
  private static final ClassName INT = ClassName.get("dev.hyp.runtime.space", "IntDistribution");
  private static final ClassName CATEGORICAL = ClassName.get("dev.hyp.runtime.space", "CategoricalDistribution");
  private static final ClassName CONSTANT = ClassName.get("dev.hyp.runtime.space", "ConstantDistribution");
  private static final ClassName CONDITION = ClassName.get("dev.hyp.runtime.space", "ParamCondition");

  private SearchSpaceCode() {}

  /** An expression of type SearchSpace. */
  static CodeBlock build(List<ParamSpec> params) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()", SEARCH_SPACE);
    for (ParamSpec param : params) {
      code.add("\n").add(add(param));
    }
    return code.add("\n.build()").build();
  }

  private static CodeBlock add(ParamSpec param) {
    CodeBlock distribution = distribution(param.distribution());
    if (param.condition() == null && !param.isPerLayer() && param.distribution() instanceof Distribution.Constant c) {
      return CodeBlock.of(".constant($S, $L)", param.name(), Literals.of(c.value()));
    }
    // the condition, when there is one, goes on a line of its own
    CodeBlock condition = param.condition() == null ? CodeBlock.of("")
        : CodeBlock.of(",\n$>$>$T.of($S,$Wp -> $L)$<$<", CONDITION, param.conditionText(), test(param.condition()));
    if (!param.isPerLayer()) {
      return CodeBlock.of(".add($S, $L$L)", param.name(), distribution, condition);
    }
    if (param.layerBound() != null) {
      return CodeBlock.of(".perLayer($S, $S, $L, $L$L)", param.name(), param.layerBound(), param.maxLayers(),
          distribution, condition);
    }
    CodeBlock.Builder layers = CodeBlock.builder();
    for (int layer = 1; layer <= param.maxLayers(); layer++) {
      layers.add(layer == 1 ? "" : "\n")
          .add(".add($S, $L$L)", param.name() + "[" + layer + "]", distribution, condition);
    }
    return layers.build();
  }

  private static CodeBlock distribution(Distribution distribution) {
    if (distribution instanceof Distribution.FloatRange f) {
      if (f.log()) {
        return CodeBlock.of("$T.logUniform($L, $L)", FLOAT, Literals.of(f.lo()), Literals.of(f.hi()));
      }
      return f.step() == null
          ? CodeBlock.of("$T.uniform($L, $L)", FLOAT, Literals.of(f.lo()), Literals.of(f.hi()))
          : CodeBlock.of("$T.stepped($L, $L, $L)", FLOAT, Literals.of(f.lo()), Literals.of(f.hi()), Literals.of(f.step()));
    }
    if (distribution instanceof Distribution.IntRange i) {
      if (i.log()) {
        return CodeBlock.of("$T.logUniform($LL, $LL)", INT, i.lo(), i.hi());
      }
      return i.step() == null
          ? CodeBlock.of("$T.uniform($LL, $LL)", INT, i.lo(), i.hi())
          : CodeBlock.of("$T.stepped($LL, $LL, $LL)", INT, i.lo(), i.hi(), i.step());
    }
    if (distribution instanceof Distribution.Choice c) {
      return CodeBlock.of("$T.of($L)", CATEGORICAL, CodeBlock.join(c.values().stream().map(Literals::of).toList(), ", "));
    }
    return CodeBlock.of("new $T($L)", CONSTANT, Literals.of(((Distribution.Constant) distribution).value()));
  }

  /**
   * A Java boolean expression over `p` (the earlier values), without outer parentheses (a
   * lambda's body needs none); a comparison with an absent parameter is false.
   */
  private static CodeBlock test(ParamCondition condition) {
    if (condition instanceof ParamCondition.And a) {
      return CodeBlock.of("$L && $L", operand(a.left()), operand(a.right()));
    }
    if (condition instanceof ParamCondition.Or o) {
      return CodeBlock.of("$L || $L", operand(o.left()), operand(o.right()));
    }
    if (condition instanceof ParamCondition.Not n) {
      return CodeBlock.of("!$L", operand(n.operand()));
    }
    ParamCondition.Compare compare = (ParamCondition.Compare) condition;
    String name = compare.parameter();
    Object value = compare.value();
    CodeBlock check;
    if (value instanceof Number number) {
      check = CodeBlock.of("p.getDouble($S) $L $L", name, compare.operator(), Literals.of(number.doubleValue()));
    } else {
      String negation = compare.operator().equals("!=") ? "!" : "";
      check = CodeBlock.of("$L$L.equals(p.get($S))", negation, Literals.of(value), name);
    }
    return CodeBlock.of("p.has($S) && $L", name, check);
  }

  /** A part of a larger test, in parentheses. */
  private static CodeBlock operand(ParamCondition condition) {
    return CodeBlock.of("($L)", test(condition));
  }
}
