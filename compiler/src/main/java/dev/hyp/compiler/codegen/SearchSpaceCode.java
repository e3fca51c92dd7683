package dev.hyp.compiler.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The Java that builds a spec's search space with the runtime's SearchSpace builder. */
final class SearchSpaceCode {
  static final ClassName SEARCH_SPACE = ClassName.get("dev.hyp.runtime.space", "SearchSpace");
  private static final ClassName FLOAT = ClassName.get("dev.hyp.runtime.space", "FloatDistribution");
  private static final ClassName INT = ClassName.get("dev.hyp.runtime.space", "IntDistribution");
  private static final ClassName CATEGORICAL = ClassName.get("dev.hyp.runtime.space", "CategoricalDistribution");
  private static final ClassName CONSTANT = ClassName.get("dev.hyp.runtime.space", "ConstantDistribution");
  private static final ClassName CONDITION = ClassName.get("dev.hyp.runtime.space", "ParamCondition");

  private static final ClassName BUILDER = SEARCH_SPACE.nestedClass("Builder");
  /**
   * The values one method adds at most, about 11 bytes of bytecode each: a method's code must stay
   * under 64 KiB, and one parameter brings at most ExpressionSize.MAX_TERMS values.
   */
  private static final int VALUES_PER_METHOD = 2_000;

  private SearchSpaceCode() {}

  /**
   * The body of {@code searchSpace()}: one statement per parameter on a builder, never one long
   * chain of calls (javac walks a chain recursively, and a chain of thousands overflows its stack).
   * A large space is added by helper methods, returned in {@code helpers}, so no method grows too large.
   */
  static CodeBlock build(List<ParamSpec> params, List<MethodSpec> helpers) {
    CodeBlock.Builder body = CodeBlock.builder().addStatement("$T space = $T.builder()", BUILDER, SEARCH_SPACE);
    List<List<ParamSpec>> chunks = chunks(params);
    if (chunks.size() == 1) {
      chunks.get(0).forEach(param -> body.add(add(param)));
    } else {
      for (List<ParamSpec> chunk : chunks) {
        String name = "addParams" + (helpers.size() + 1);
        CodeBlock.Builder part = CodeBlock.builder();
        chunk.forEach(param -> part.add(add(param)));
        helpers.add(MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(BUILDER, "space")
            .addCode(part.build())
            .build());
        body.addStatement("$N(space)", name);
      }
    }
    return body.addStatement("return space.build()").build();
  }

  private static List<List<ParamSpec>> chunks(List<ParamSpec> params) {
    List<List<ParamSpec>> chunks = new ArrayList<>();
    List<ParamSpec> current = new ArrayList<>();
    int values = 0;
    for (ParamSpec param : params) {
      int weight = 1 + (param.distribution() instanceof Distribution.Choice c ? c.values().size() : 0);
      if (!current.isEmpty() && values + weight > VALUES_PER_METHOD) {
        chunks.add(current);
        current = new ArrayList<>();
        values = 0;
      }
      current.add(param);
      values += weight;
    }
    chunks.add(current);
    return chunks;
  }

  /** The statements that add one parameter. */
  private static CodeBlock add(ParamSpec param) {
    CodeBlock distribution = distribution(param.distribution());
    if (param.condition() == null && !param.isPerLayer() && param.distribution() instanceof Distribution.Constant c) {
      return CodeBlock.of("$[space.constant($S, $L);\n$]", param.name(), Literals.of(c.value()));
    }
    // the condition, when there is one, goes on a line of its own
    CodeBlock condition = param.condition() == null ? CodeBlock.of("")
        : CodeBlock.of(",\n$T.of($S,$Wp -> $L)", CONDITION, param.conditionText(), test(param.condition()));
    if (!param.isPerLayer()) {
      return CodeBlock.of("$[space.add($S, $L$L);\n$]", param.name(), distribution, condition);
    }
    if (param.layerBound() != null) {
      return CodeBlock.of("$[space.perLayer($S, $S, $L, $L$L);\n$]", param.name(), param.layerBound(),
          param.maxLayers(), distribution, condition);
    }
    // a fixed number of layers: `units[1]` .. `units[N]`, each always there (up to its own condition)
    return CodeBlock.builder()
        .beginControlFlow("for (int layer = 1; layer <= $L; layer++)", param.maxLayers())
        .add("$[space.add($T.layerName($S, layer), $L$L);\n$]", SEARCH_SPACE, param.name(), distribution, condition)
        .endControlFlow()
        .build();
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
