package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Constant arithmetic folds to a typed literal that spans the whole expression. */
class ConstantFoldingTest {
  private static final Span LEFT = new Span(0, 1);
  private static final Span RIGHT = new Span(4, 5);
  private static final Span WHOLE = new Span(0, 5);

  private static Value arithmetic(char operator, Value left, Value right) {
    return new Value.Arithmetic(operator, left, right, WHOLE);
  }

  @Test
  void wholeNumbersStayWholeExceptUnderDivision() {
    assertEquals(Optional.of(Value.of(6L, WHOLE)),
        ConstantFolding.fold(arithmetic('*', Value.of(2L, LEFT), Value.of(3L, RIGHT))));
    assertEquals(Optional.of(Value.of(1.5, WHOLE)),
        ConstantFolding.fold(arithmetic('/', Value.of(3L, LEFT), Value.of(2L, RIGHT))));
    assertEquals(Optional.of(Value.of(2.5, WHOLE)),
        ConstantFolding.fold(arithmetic('+', Value.of(2L, LEFT), Value.of(0.5, RIGHT))));
    assertEquals(Optional.of(Value.of(-2L, WHOLE)),
        ConstantFolding.fold(new Value.Negation(Value.of(2L, RIGHT), WHOLE)));
  }

  @Test
  void overflowAndDivisionByZeroAreNotFinite() {
    Value overflow = arithmetic('*', Value.of(Long.MAX_VALUE, LEFT), Value.of(2L, RIGHT));
    assertEquals(Optional.of(Value.of(Double.POSITIVE_INFINITY, WHOLE)), ConstantFolding.fold(overflow));
    Value byZero = arithmetic('/', Value.of(1L, LEFT), Value.of(0L, RIGHT));
    assertTrue(Double.isInfinite(ConstantFolding.fold(byZero).orElseThrow().asDouble()));
  }

  @Test
  void whatReadsAParameterOrLoopVariableDoesNotFold() {
    assertEquals(Optional.empty(),
        ConstantFolding.fold(arithmetic('+', new Value.ParamRef("lr", LEFT), Value.of(1L, RIGHT))));
    assertEquals(Optional.empty(), ConstantFolding.fold(new Value.Negation(new Value.LoopVariable("i", RIGHT), WHOLE)));
    assertEquals(Optional.empty(), ConstantFolding.fold(Value.symbol("relu", WHOLE)));
  }
}
