package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** `callee(arguments)`: a distribution, a layer, an updater, a split, ... */
public record Call(Identifier callee, List<Argument> arguments, Span span) implements Expression {
  public Call {
    arguments = List.copyOf(arguments);
  }
}
