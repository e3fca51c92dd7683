package dev.hyp.compiler.check;

import static dev.hyp.compiler.check.Signature.Parameter.optional;
import static dev.hyp.compiler.check.Signature.Parameter.required;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Option;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Settings;
import dev.hyp.runtime.vocab.Strategy;
import dev.hyp.runtime.vocab.Term;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the language knows by name: symbols, functions, layers, sections and settings. The
 * vocabulary (activations, losses, weight inits, updaters, strategies, pruners, their options and
 * the settings' defaults) comes from the runtime's {@code dev.hyp.runtime.vocab}; what is only the
 * checker's (layers, data functions, metrics, sections) is stated here.
 */
final class Builtins {
  private Builtins() {}

  static final List<String> ACTIVATIONS = Term.names(Activation.class);
  static final List<String> CLASSIFICATION_LOSSES = losses(true);
  static final List<String> REGRESSION_LOSSES = losses(false);
  static final List<String> WEIGHT_INITS = Term.names(WeightInit.class);
  static final List<String> NORMALIZATIONS = Arrays.stream(Normalization.values()).map(Normalization::hypName).toList();
  static final List<String> ENCODINGS = Arrays.stream(CategoryEncoding.values()).map(CategoryEncoding::hypName)
      .toList();
  static final List<String> PADDINGS = Term.names(Padding.class);
  static final List<String> STRATEGIES = Term.names(Strategy.class);
  static final List<String> CLASSIFICATION_METRICS = List.of("accuracy", "f1", "precision", "recall", "auc", "loss");
  static final List<String> REGRESSION_METRICS = List.of("mse", "rmse", "mae", "r2", "loss");
  static final List<String> SPLITS = List.of("validation", "test");
  static final List<String> SECTIONS = List.of("data", "params", "model", "train", "search", "objective",
      "constraints");

  static final Map<Type, List<Signature>> FUNCTIONS = Map.of(
      Type.UPDATER, Arrays.stream(Updater.values()).map(u -> signature(u.hypName(), u.arguments())).toList(),
      Type.SOURCE, List.of(
          Signature.of("csv", required("path", Type.STRING), required("label", Type.STRING),
              optional("header", Type.BOOLEAN, true), optional("delimiter", Type.STRING, ",")),
          Signature.of("images", required("path", Type.STRING), optional("size", Type.SHAPE, null),
              optional("skip_unreadable", Type.BOOLEAN, false))),
      Type.SPLIT, List.of(
          Signature.of("holdout", optional("validation", Type.NUMBER, 0.2).above(0).atMost(0.9),
              optional("test", Type.NUMBER, 0.0).atLeast(0).atMost(0.9)),
          Signature.of("kfold", required("k", Type.INT).atLeast(2).atMost(100))),
      Type.SHAPE, List.of(
          Signature.of("image", required("height", Type.INT).atLeast(1), required("width", Type.INT).atLeast(1),
              optional("channels", Type.INT, 1L).atLeast(1))),
      Type.EARLY_STOPPING, List.of(
          Signature.of("patience", required("epochs", Type.INT).atLeast(1),
              optional("min_delta", Type.NUMBER, 0.0).atLeast(0))),
      Type.SCHEDULE, List.of(
          Signature.of("step", required("every", Type.INT).atLeast(1),
              optional("factor", Type.NUMBER, 0.1).above(0).atMost(1)),
          Signature.of("cosine")),
      Type.PRUNER, Arrays.stream(PrunerKind.values()).filter(p -> p != PrunerKind.NONE)
          .map(p -> signature(p.hypName(), p.options())).toList());

  static final Map<String, Signature> LAYERS = layers();

  private static Map<String, Signature> layers() {
    Map<String, Signature> layers = new LinkedHashMap<>();
    add(layers, Signature.of("dense", required("units", Type.INT).atLeast(1),
        optional("activation", Type.ACTIVATION, Activation.RELU.hypName())));
    add(layers, Signature.of("dropout", required("rate", Type.NUMBER).atLeast(0).atMost(0.99)));
    add(layers, Signature.of("batchnorm"));
    add(layers, Signature.of("conv2d", required("filters", Type.INT).atLeast(1), required("kernel", Type.INT).atLeast(1),
        optional("stride", Type.INT, 1L).atLeast(1), optional("padding", Type.PADDING, Padding.SAME.hypName()),
        optional("activation", Type.ACTIVATION, Activation.RELU.hypName())));
    add(layers, Signature.of("maxpool", optional("size", Type.INT, 2L).atLeast(1),
        optional("stride", Type.INT, null).atLeast(1)));
    add(layers, Signature.of("avgpool", optional("size", Type.INT, 2L).atLeast(1),
        optional("stride", Type.INT, null).atLeast(1)));
    add(layers, Signature.of("lstm", required("units", Type.INT).atLeast(1),
        optional("activation", Type.ACTIVATION, Activation.TANH.hypName())));
    add(layers, Signature.of("output", optional("activation", Type.ACTIVATION, null), required("loss", Type.LOSS),
        optional("units", Type.INT, null).atLeast(1)));
    return Collections.unmodifiableMap(layers); // in the order above: suggestions and completion list them so
  }

  /** Settings of each section, and of the experiment itself (""). */
  static final Map<String, Map<String, Signature.Parameter>> SETTINGS = Map.of(
      "", settings(optional("description", Type.STRING, ""), parameter(Settings.SEED),
          optional("pick", Type.STRING, null)),
      "data", settings(required("source", Type.SOURCE), optional("test", Type.SOURCE, null),
          optional("split", Type.SPLIT, null), optional("normalize", Type.NORMALIZE, Normalization.NONE.hypName()),
          optional("shape", Type.SHAPE, null),
          optional("encoding", Type.ENCODING, CategoryEncoding.DEFAULT.hypName())),
      "model", settings(optional("updater", Type.UPDATER, Updater.DEFAULT.hypName()),
          optional("weight_init", Type.WEIGHT_INIT, WeightInit.DEFAULT.hypName()),
          optional("l1", Type.NUMBER, 0.0).atLeast(0), optional("l2", Type.NUMBER, 0.0).atLeast(0),
          optional("gradient_clip", Type.NUMBER, null).above(0)),
      "train", settings(parameter(Settings.EPOCHS), parameter(Settings.BATCH),
          optional("early_stopping", Type.EARLY_STOPPING, null), optional("lr_schedule", Type.SCHEDULE, null)),
      "search", settings(parameter(Settings.TRIALS), parameter(Settings.PARALLEL),
          optional("timeout", Type.DURATION, null), optional("target", Type.NUMBER, null),
          optional("max_failures", Type.INT, null).atLeast(1),
          optional("pruner", Type.PRUNER, PrunerKind.DEFAULT.hypName()),
          optional(Settings.REFIT, Type.BOOLEAN, Settings.REFIT_DEFAULT)));

  /** Options of each search strategy, beside the common search settings. */
  static final Map<String, Map<String, Signature.Parameter>> STRATEGY_OPTIONS = strategyOptions();

  private static Map<String, Map<String, Signature.Parameter>> strategyOptions() {
    Map<String, Map<String, Signature.Parameter>> options = new LinkedHashMap<>();
    for (Strategy strategy : Strategy.values()) {
      options.put(strategy.hypName(),
          settings(strategy.options().stream().map(Builtins::parameter).toArray(Signature.Parameter[]::new)));
    }
    return Collections.unmodifiableMap(options);
  }

  static List<String> symbols(Type type) {
    return switch (type) {
      case ACTIVATION -> ACTIVATIONS;
      case LOSS -> concat(CLASSIFICATION_LOSSES, REGRESSION_LOSSES);
      case WEIGHT_INIT -> WEIGHT_INITS;
      case NORMALIZE -> NORMALIZATIONS;
      case ENCODING -> ENCODINGS;
      case PADDING -> PADDINGS;
      case PRUNER -> List.of(PrunerKind.NONE.hypName());
      case UPDATER -> FUNCTIONS.get(Type.UPDATER).stream().map(Signature::name).toList();
      default -> List.of();
    };
  }

  static List<Signature> functions(Type type) {
    return FUNCTIONS.getOrDefault(type, List.of());
  }

  static Signature function(Type type, String name) {
    return functions(type).stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /** Every symbol and function name that a spec can use as a bare name in some place. */
  static Set<String> allSymbols() {
    Set<String> all = new java.util.TreeSet<>();
    for (Type type : Type.values()) {
      all.addAll(symbols(type));
    }
    return all;
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value)
        : new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /** A vocabulary option as the checker checks it: optional, with its default and bounds. */
  private static Signature.Parameter parameter(Option option) {
    Type type = option.kind() == Option.Kind.INT ? Type.INT : Type.NUMBER;
    return new Signature.Parameter(option.name(), type, false, option.defaultValue(), option.min(), option.max(),
        option.minExclusive());
  }

  private static Signature signature(String name, List<Option> options) {
    return new Signature(name, options.stream().map(Builtins::parameter).toList());
  }

  private static List<String> losses(boolean classification) {
    return Arrays.stream(Loss.values()).filter(l -> l.classification() == classification).map(Loss::hypName).toList();
  }

  private static void add(Map<String, Signature> layers, Signature signature) {
    layers.put(signature.name(), signature);
  }

  private static Map<String, Signature.Parameter> settings(Signature.Parameter... parameters) {
    Map<String, Signature.Parameter> settings = new LinkedHashMap<>();
    for (Signature.Parameter parameter : parameters) {
      settings.put(parameter.name(), parameter);
    }
    return Collections.unmodifiableMap(settings);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
