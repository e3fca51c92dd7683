package dev.hyp.compiler.model;

/** `maximize|minimize METRIC on validation|test`. */
public record Objective(boolean maximize, String metric, String split) {}
