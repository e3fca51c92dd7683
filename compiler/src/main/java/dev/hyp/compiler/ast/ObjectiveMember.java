package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** `objective = maximize METRIC on SPLIT`. */
public record ObjectiveMember(boolean maximize, Span directionSpan, Identifier metric, Identifier split, Span span)
    implements Member {}
