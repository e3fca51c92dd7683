package dev.hyp.compiler.check;

import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.PrunerKind;
import dev.hyp.runtime.vocab.Strategy;
import dev.hyp.runtime.vocab.Updater;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checker's vocabulary for tools (the language server's hover and completion): the sections,
 * the settings of each, the layers and functions with their arguments, and every symbol, with the
 * defaults and ranges the checker enforces. A read-only view of {@link Builtins} and the tables
 * beside it, so a tool says exactly what the checker checks.
 */
public final class Vocabulary {
  private Vocabulary() {}

  /**
   * A setting or an argument: its value's kind in words ("an activation"), whether it is
   * required, its default as written in a spec (null when none or derived) and its range in words
   * (null when unbounded); {@code valueKind} names the symbols it takes ("activation"), or null.
   */
  public record Entry(String name, String type, boolean required, String defaultValue, String range, String valueKind,
      List<String> values) {
    public Entry {
      values = List.copyOf(values);
    }
  }

  /** A layer, distribution or function: `dense`, `uniform`, `csv`, `adam`, ... */
  public record Callable(String name, String kind, List<Entry> arguments) {
    public Callable {
      arguments = List.copyOf(arguments);
    }

    public Optional<Entry> argument(String name) {
      return arguments.stream().filter(a -> a.name().equals(name)).findFirst();
    }
  }

  /** A bare name of the language (`relu`, `mcxent`, `tpe`, `accuracy`) and what it is, in words. */
  public record Symbol(String name, String kind, String note) {}

  /** The sections an experiment has, in the reference's order (`search` and `objective` included). */
  public static List<String> sections() {
    return Builtins.SECTIONS;
  }

  /** The settings of a section (`data`, `model`, `train`, `search`; "" for the experiment's own), in order. */
  public static List<Entry> settings(String section) {
    Map<String, Signature.Parameter> known = Builtins.SETTINGS.get(section);
    if (known == null) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>(entries(known.values()));
    if (section.equals("data")) {
      for (Signature.Parameter parameter : TablePlanChecker.SETTINGS.values()) {
        entries.add(switch (parameter.name()) {
          case "features", "drop" -> new Entry(parameter.name(), "a list of column names", false, null, null, null,
              List.of());
          case "missing" -> symbolic(parameter, "missing-value rule", TablePlanChecker.MISSING);
          case "class_weights" -> new Entry(parameter.name(), "`none`, `balanced` or a list of weights", false,
              "none", null, "class weighting", TablePlanChecker.CLASS_WEIGHTS);
          default -> entry(parameter);
        });
      }
    }
    return List.copyOf(entries);
  }

  /** The options a search strategy takes beside the common search settings. */
  public static List<Entry> strategyOptions(String strategy) {
    Map<String, Signature.Parameter> options = Builtins.STRATEGY_OPTIONS.get(strategy);
    return options == null ? List.of() : entries(options.values());
  }

  public static Optional<Entry> setting(String section, String name) {
    return settings(section).stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public static List<Callable> layers() {
    return Builtins.LAYERS.values().stream().map(s -> callable(s, "layer")).toList();
  }

  /** Every layer, distribution and function, each name once. */
  public static List<Callable> callables() {
    Map<String, Callable> all = new LinkedHashMap<>();
    layers().forEach(c -> all.put(c.name(), c));
    for (String distribution : DomainChecker.DISTRIBUTIONS) {
      all.put(distribution, distribution.equals("choice") ? new Callable("choice", "distribution", List.of())
          : distribution(distribution));
    }
    for (Map.Entry<Type, List<Signature>> functions : Builtins.FUNCTIONS.entrySet()) {
      for (Signature signature : functions.getValue()) {
        all.putIfAbsent(signature.name(), callable(signature, functions.getKey().noun()));
      }
    }
    all.put("column", new Callable("column", "column rule", List.of(
        entry(Signature.Parameter.required("name", Type.STRING)),
        new Entry("kind", "a column kind", false, null, null, "column kind", TablePlanChecker.KINDS),
        new Entry("missing", "a missing-value rule", false, null, null, "missing-value rule", TablePlanChecker.MISSING),
        entry(Signature.Parameter.optional("indicator", Type.BOOLEAN, null)))));
    return List.copyOf(all.values());
  }

  /** The distributions a parameter can be drawn from: `uniform`, `loguniform`, `int`, `logint`, `choice`. */
  public static List<Callable> distributions() {
    return callables().stream().filter(c -> c.kind().equals("distribution")).toList();
  }

  public static Optional<Callable> callable(String name) {
    return callables().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Every symbol; a name can be several (`relu` is an activation and a weight init). */
  public static List<Symbol> symbols() {
    List<Symbol> symbols = new ArrayList<>();
    Builtins.ACTIVATIONS.forEach(a -> symbols.add(new Symbol(a, "activation", null)));
    for (Loss loss : Loss.values()) {
      symbols.add(new Symbol(loss.hypName(), "loss", (loss.classification() ? "classification" : "regression")
          + "; the output activation defaults to `" + loss.defaultActivation().hypName() + "`"));
    }
    for (Updater updater : Updater.values()) {
      symbols.add(new Symbol(updater.hypName(), "updater", "takes " + names(updater.arguments().stream()
          .map(dev.hyp.runtime.vocab.Option::name).toList())));
    }
    Builtins.WEIGHT_INITS.forEach(w -> symbols.add(new Symbol(w, "weight init", null)));
    Builtins.NORMALIZATIONS.forEach(n -> symbols.add(new Symbol(n, "normalization", null)));
    Builtins.PADDINGS.forEach(p -> symbols.add(new Symbol(p, "padding", null)));
    for (Strategy strategy : Strategy.values()) {
      symbols.add(new Symbol(strategy.hypName(), "search strategy", strategy.options().isEmpty() ? "no options"
          : "options " + names(strategy.options().stream().map(dev.hyp.runtime.vocab.Option::name).toList())));
    }
    symbols.add(new Symbol(PrunerKind.NONE.hypName(), "pruner", "no pruning"));
    Builtins.CLASSIFICATION_METRICS.forEach(m -> symbols.add(new Symbol(m, "metric", "classification")));
    Builtins.REGRESSION_METRICS.stream().filter(m -> !Builtins.CLASSIFICATION_METRICS.contains(m))
        .forEach(m -> symbols.add(new Symbol(m, "metric", "regression")));
    Builtins.SPLITS.forEach(s -> symbols.add(new Symbol(s, "split", "what an objective is measured on")));
    TablePlanChecker.MISSING.forEach(m -> symbols.add(new Symbol(m, "missing-value rule", null)));
    TablePlanChecker.CLASS_WEIGHTS.forEach(c -> symbols.add(new Symbol(c, "class weighting", null)));
    TablePlanChecker.KINDS.forEach(k -> symbols.add(new Symbol(k, "column kind", null)));
    return List.copyOf(symbols);
  }

  /** The symbols of one kind ("activation", "loss", "updater", "metric", ...), in the reference's order. */
  public static List<String> symbols(String kind) {
    return symbols().stream().filter(s -> s.kind().equals(kind)).map(Symbol::name).distinct().toList();
  }

  public static List<Symbol> symbol(String name) {
    return symbols().stream().filter(s -> s.name().equals(name)).toList();
  }

  private static Callable distribution(String name) {
    Type type = name.endsWith("int") ? Type.INT : Type.NUMBER;
    List<Entry> arguments = new ArrayList<>(List.of(entry(Signature.Parameter.required("lo", type)),
        entry(Signature.Parameter.required("hi", type))));
    if (!name.startsWith("log")) {
      arguments.add(entry(Signature.Parameter.optional("step", type, null)));
    }
    return new Callable(name, "distribution", arguments);
  }

  private static Callable callable(Signature signature, String kind) {
    return new Callable(signature.name(), kind, entries(signature.parameters()));
  }

  private static List<Entry> entries(Collection<Signature.Parameter> parameters) {
    return parameters.stream().map(Vocabulary::entry).toList();
  }

  private static Entry entry(Signature.Parameter parameter) {
    Type type = parameter.type();
    List<String> values = new ArrayList<>(Builtins.symbols(type));
    Builtins.functions(type).stream().map(Signature::name).filter(n -> !values.contains(n)).forEach(values::add);
    if (type == Type.BOOLEAN) {
      values.addAll(List.of("true", "false"));
    }
    boolean symbolic = !Builtins.symbols(type).isEmpty() || !Builtins.functions(type).isEmpty();
    return new Entry(parameter.name(), type.description(), parameter.required(),
        written(parameter.defaultValue(), type), range(parameter), symbolic ? type.noun() : null, values);
  }

  private static Entry symbolic(Signature.Parameter parameter, String kind, List<String> values) {
    return new Entry(parameter.name(), "a " + kind, false, String.valueOf(parameter.defaultValue()), null, kind,
        values);
  }

  /** The bounds in words ("at least 1 and at most 2147483647"), or null when there are none. */
  private static String range(Signature.Parameter parameter) {
    String lower = parameter.min() == null ? "" : (parameter.minExclusive() ? "greater than " : "at least ")
        + Builtins.format(parameter.min());
    boolean intCap = parameter.type() == Type.INT && parameter.max() != null
        && parameter.max() == Signature.Parameter.INT_MAX;
    String upper = parameter.max() == null || intCap || Double.isInfinite(parameter.max()) ? ""
        : "at most " + Builtins.format(parameter.max());
    String both = lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
    return both.isEmpty() ? null : both;
  }

  private static String written(Object value, Type type) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double d) {
      return Builtins.format(d);
    }
    return type == Type.STRING ? dev.hyp.compiler.print.ExpressionPrinter.quote((String) value) : String.valueOf(value);
  }

  private static String names(List<String> names) {
    return names.isEmpty() ? "no arguments" : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }
}
