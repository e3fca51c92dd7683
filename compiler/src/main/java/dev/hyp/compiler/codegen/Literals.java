package dev.hyp.compiler.codegen;

import com.palantir.javapoet.CodeBlock;

/** Java literals for spec values: every string through `$S`, numbers exactly as doubles or longs. */
final class Literals {
  private Literals() {}

  static CodeBlock of(Object value) {
    if (value instanceof Long l) {
      return CodeBlock.of("$LL", l);
    }
    if (value instanceof Double d) {
      return of(d.doubleValue());
    }
    if (value instanceof Boolean b) {
      return CodeBlock.of("$L", b);
    }
    return CodeBlock.of("$S", String.valueOf(value));
  }

  /** A double literal that reads back as exactly the same double. */
  static CodeBlock of(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return CodeBlock.of("$L", Double.toString(value));
  }
}
