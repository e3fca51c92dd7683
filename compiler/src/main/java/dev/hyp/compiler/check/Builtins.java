package dev.hyp.compiler.check;

import static dev.hyp.compiler.check.Signature.Parameter.optional;
import static dev.hyp.compiler.check.Signature.Parameter.required;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the language knows by name: symbols, functions, layers, sections and settings. */
final class Builtins {
  private Builtins() {}

  static final List<String> ACTIVATIONS = List.of("relu", "relu6", "leakyrelu", "elu", "selu", "gelu", "swish",
      "mish", "tanh", "hardtanh", "sigmoid", "hardsigmoid", "softmax", "softplus", "softsign", "identity",
      "cube", "rationaltanh", "rectifiedtanh");
  static final List<String> CLASSIFICATION_LOSSES = List.of("mcxent", "xent", "negativeloglikelihood", "hinge",
      "squaredhinge", "kldivergence");
  static final List<String> REGRESSION_LOSSES = List.of("mse", "mae", "msle", "mape", "poisson",
      "cosineproximity");
  static final List<String> WEIGHT_INITS = List.of("xavier", "xavier_uniform", "xavier_fan_in", "relu",
      "relu_uniform", "lecun_normal", "lecun_uniform", "normal", "uniform", "zero", "ones", "sigmoid_uniform");
  static final List<String> NORMALIZATIONS = List.of("none", "standard", "minmax");
  static final List<String> PADDINGS = List.of("same", "valid");
  static final List<String> STRATEGIES = List.of("grid", "random", "sobol", "tpe", "evolution");
  static final List<String> CLASSIFICATION_METRICS = List.of("accuracy", "f1", "precision", "recall", "auc", "loss");
  static final List<String> REGRESSION_METRICS = List.of("mse", "rmse", "mae", "r2", "loss");
  static final List<String> SPLITS = List.of("validation", "test");
  static final List<String> SECTIONS = List.of("data", "params", "model", "train", "search", "objective");

  private static final Signature.Parameter LR = optional("lr", Type.NUMBER, null).above(0);

  static final Map<Type, List<Signature>> FUNCTIONS = Map.of(
      Type.UPDATER, List.of(
          Signature.of("sgd", LR),
          Signature.of("adam", LR, beta(1, 0.9), beta(2, 0.999), epsilon()),
          Signature.of("adamw", LR, beta(1, 0.9), beta(2, 0.999), epsilon(),
              optional("weight_decay", Type.NUMBER, 0.01).atLeast(0)),
          Signature.of("nesterovs", LR, optional("momentum", Type.NUMBER, 0.9).atLeast(0).atMost(1)),
          Signature.of("rmsprop", LR, optional("decay", Type.NUMBER, 0.95).above(0).atMost(1), epsilon()),
          Signature.of("adagrad", LR, epsilon()),
          Signature.of("adamax", LR, beta(1, 0.9), beta(2, 0.999), epsilon()),
          Signature.of("nadam", LR, beta(1, 0.9), beta(2, 0.999), epsilon()),
          Signature.of("amsgrad", LR, beta(1, 0.9), beta(2, 0.999), epsilon())),
      Type.SOURCE, List.of(
          Signature.of("csv", required("path", Type.STRING), required("label", Type.STRING),
              optional("header", Type.BOOLEAN, true), optional("delimiter", Type.STRING, ","))),
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
      Type.PRUNER, List.of(
          Signature.of("median", optional("warmup", Type.INT, 0L).atLeast(0),
              optional("startup", Type.INT, 5L).atLeast(1)),
          Signature.of("asha", optional("min_epochs", Type.INT, 1L).atLeast(1),
              optional("reduction", Type.INT, 3L).atLeast(2)),
          Signature.of("hyperband", optional("min_epochs", Type.INT, 1L).atLeast(1),
              optional("reduction", Type.INT, 3L).atLeast(2), optional("max_epochs", Type.INT, null).atLeast(1))));

  static final Map<String, Signature> LAYERS = layers();

  private static Map<String, Signature> layers() {
    Map<String, Signature> layers = new LinkedHashMap<>();
    add(layers, Signature.of("dense", required("units", Type.INT).atLeast(1),
        optional("activation", Type.ACTIVATION, "relu")));
    add(layers, Signature.of("dropout", required("rate", Type.NUMBER).atLeast(0).atMost(0.99)));
    add(layers, Signature.of("batchnorm"));
    add(layers, Signature.of("conv2d", required("filters", Type.INT).atLeast(1), required("kernel", Type.INT).atLeast(1),
        optional("stride", Type.INT, 1L).atLeast(1), optional("padding", Type.PADDING, "same"),
        optional("activation", Type.ACTIVATION, "relu")));
    add(layers, Signature.of("maxpool", optional("size", Type.INT, 2L).atLeast(1),
        optional("stride", Type.INT, null).atLeast(1)));
    add(layers, Signature.of("avgpool", optional("size", Type.INT, 2L).atLeast(1),
        optional("stride", Type.INT, null).atLeast(1)));
    add(layers, Signature.of("lstm", required("units", Type.INT).atLeast(1),
        optional("activation", Type.ACTIVATION, "tanh")));
    add(layers, Signature.of("output", optional("activation", Type.ACTIVATION, null), required("loss", Type.LOSS),
        optional("units", Type.INT, null).atLeast(1)));
    return Map.copyOf(layers);
  }

  /** Settings of each section, and of the experiment itself (""). */
  static final Map<String, Map<String, Signature.Parameter>> SETTINGS = Map.of(
      "", settings(optional("description", Type.STRING, ""), optional("seed", Type.INT, 0L).atLeast(0)),
      "data", settings(required("source", Type.SOURCE), optional("test", Type.SOURCE, null),
          optional("split", Type.SPLIT, null), optional("normalize", Type.NORMALIZE, "none"),
          optional("shape", Type.SHAPE, null)),
      "model", settings(optional("updater", Type.UPDATER, "adam"), optional("weight_init", Type.WEIGHT_INIT, "xavier"),
          optional("l1", Type.NUMBER, 0.0).atLeast(0), optional("l2", Type.NUMBER, 0.0).atLeast(0),
          optional("gradient_clip", Type.NUMBER, null).above(0)),
      "train", settings(optional("epochs", Type.INT, 10L).atLeast(1), optional("batch", Type.INT, 32L).atLeast(1),
          optional("early_stopping", Type.EARLY_STOPPING, null), optional("lr_schedule", Type.SCHEDULE, null)),
      "search", settings(optional("trials", Type.INT, 20L).atLeast(1), optional("parallel", Type.INT, 1L).atLeast(1),
          optional("timeout", Type.DURATION, null), optional("target", Type.NUMBER, null),
          optional("max_failures", Type.INT, null).atLeast(1), optional("pruner", Type.PRUNER, "none")));

  /** Options of each search strategy, beside the common search settings. */
  static final Map<String, Map<String, Signature.Parameter>> STRATEGY_OPTIONS = Map.of(
      "grid", settings(),
      "random", settings(),
      "sobol", settings(),
      "tpe", settings(optional("startup", Type.INT, 10L).atLeast(1), optional("candidates", Type.INT, 24L).atLeast(1)),
      "evolution", settings(optional("population", Type.INT, 20L).atLeast(2),
          optional("mutation", Type.NUMBER, null).atLeast(0).atMost(1),
          optional("crossover", Type.NUMBER, 0.9).atLeast(0).atMost(1)));

  static List<String> symbols(Type type) {
    return switch (type) {
      case ACTIVATION -> ACTIVATIONS;
      case LOSS -> concat(CLASSIFICATION_LOSSES, REGRESSION_LOSSES);
      case WEIGHT_INIT -> WEIGHT_INITS;
      case NORMALIZE -> NORMALIZATIONS;
      case PADDING -> PADDINGS;
      case PRUNER -> List.of("none");
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

  private static Signature.Parameter beta(int which, double value) {
    return optional("beta" + which, Type.NUMBER, value).above(0).atMost(1);
  }

  private static Signature.Parameter epsilon() {
    return optional("epsilon", Type.NUMBER, 1e-8).above(0);
  }

  private static void add(Map<String, Signature> layers, Signature signature) {
    layers.put(signature.name(), signature);
  }

  private static Map<String, Signature.Parameter> settings(Signature.Parameter... parameters) {
    Map<String, Signature.Parameter> settings = new LinkedHashMap<>();
    for (Signature.Parameter parameter : parameters) {
      settings.put(parameter.name(), parameter);
    }
    return java.util.Collections.unmodifiableMap(settings);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
