package dev.hyp.lsp;

import dev.hyp.compiler.check.ParamReferences;
import dev.hyp.compiler.check.Vocabulary;
import dev.hyp.compiler.parse.CursorContext;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * What the name under the cursor is, from the checker's vocabulary: a parameter (its declaration
 * and condition), a setting or argument (its kind, default and range), a layer or function (its
 * arguments), a section, or a symbol (an activation, loss, updater, ...).
 */
final class Hovers {
  private Hovers() {}

  static Optional<Hover> at(OpenDocument document, int offset) {
    String text = document.text();
    Span word = Words.at(text, offset);
    if (word == null) {
      return Optional.empty();
    }
    String name = text.substring(word.start(), word.end());
    Optional<String> markdown = describe(document, word, name);
    return markdown.map(m -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, m), document.range(word)));
  }

  private static Optional<String> describe(OpenDocument document, Span word, String name) {
    String text = document.text();
    Optional<ParamReferences.Param> param = document.params().flatMap(p -> p.at(word.start()));
    if (param.isPresent()) {
      return Optional.of(param(param.get()));
    }
    CursorContext context = CursorContext.at(text, word.start());
    if (Words.next(text, word.end()) == '(') {
      return Vocabulary.callable(name).map(Hovers::callable);
    }
    if (Words.assignmentFollows(text, word.end())) {
      if (context.call() != null) {
        return Vocabulary.callable(context.call()).flatMap(c -> c.argument(name))
            .map(a -> entry(a, "argument of `" + context.call() + "`"))
            .or(() -> throughParameter(document, context.call(), name));
      }
      String section = context.section();
      Optional<Vocabulary.Entry> setting = section == null ? Optional.empty()
          : Vocabulary.setting(section, name).or(() -> "search".equals(section) && context.strategy() != null
              ? Vocabulary.strategyOptions(context.strategy()).stream().filter(o -> o.name().equals(name)).findFirst()
              : Optional.empty());
      return setting.map(s -> entry(s, "setting of " + (section.isEmpty() ? "the experiment" : "`" + section + "`")));
    }
    if (Words.next(text, word.end()) == '{' || "search".equals(name) || "objective".equals(name)) {
      if (Vocabulary.sections().contains(name)) {
        return Optional.of(section(name));
      }
    }
    List<Vocabulary.Symbol> symbols = Vocabulary.symbol(name);
    if (symbols.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder markdown = new StringBuilder("`" + name + "`");
    for (Vocabulary.Symbol symbol : symbols) {
      markdown.append("\n\n- ").append(symbol.kind());
      if (symbol.note() != null) {
        markdown.append(": ").append(symbol.note());
      }
    }
    return Optional.of(markdown.toString());
  }

  /** An argument of `opt(momentum = ...)`, where `opt` is a parameter choosing updaters: the choices that take it. */
  private static Optional<String> throughParameter(OpenDocument document, String callee, String argument) {
    Optional<ParamReferences.Param> param = document.params().flatMap(p -> p.get(callee));
    if (param.isEmpty() || !(param.get().setting().value() instanceof dev.hyp.compiler.ast.Call choice)
        || !choice.callee().name().equals("choice")) {
      return Optional.empty();
    }
    List<String> takers = new java.util.ArrayList<>();
    Vocabulary.Entry entry = null;
    for (var value : choice.arguments()) {
      String updater = ExpressionPrinter.print(value.value());
      Optional<Vocabulary.Entry> taken = Vocabulary.callable(updater).flatMap(c -> c.argument(argument));
      if (taken.isPresent()) {
        takers.add("`" + updater + "`");
        entry = taken.get();
      }
    }
    return entry == null ? Optional.empty()
        : Optional.of(entry(entry, "argument of " + String.join(", ", takers) + " (through `" + callee + "`)"));
  }

  private static String param(ParamReferences.Param param) {
    var setting = param.setting();
    StringBuilder declaration = new StringBuilder(param.name());
    if (setting.bound() != null) {
      declaration.append('[').append(ExpressionPrinter.print(setting.bound())).append(']');
    }
    declaration.append(" = ").append(ExpressionPrinter.print(setting.value()));
    if (setting.when() != null) {
      declaration.append(" if ").append(ExpressionPrinter.print(setting.when()));
    }
    String kind = setting.value() instanceof dev.hyp.compiler.ast.Call call
        && Vocabulary.distributions().stream().anyMatch(d -> d.name().equals(call.callee().name()))
        ? "searched parameter" : "constant parameter";
    StringBuilder markdown = new StringBuilder("```hyp\n" + declaration + "\n```\n\n" + kind);
    if (setting.bound() != null) {
      markdown.append(", per layer: `").append(param.name()).append("[1]` .. `").append(param.name()).append('[')
          .append(ExpressionPrinter.print(setting.bound())).append("]`");
    }
    if (setting.when() != null) {
      markdown.append(", only in trials where `").append(ExpressionPrinter.print(setting.when())).append('`');
    }
    int uses = param.references().size();
    markdown.append("; used ").append(uses == 0 ? "nowhere" : uses == 1 ? "once" : uses + " times");
    return markdown.toString();
  }

  private static String callable(Vocabulary.Callable callable) {
    StringBuilder markdown = new StringBuilder("```hyp\n" + callable.name() + "(" + String.join(", ",
        callable.arguments().stream().map(a -> a.name() + (a.defaultValue() != null ? " = " + a.defaultValue() : ""))
            .toList()) + ")\n```\n\n" + callable.kind());
    if (callable.name().equals("choice")) {
      markdown.append(": one of the values listed");
    }
    for (Vocabulary.Entry argument : callable.arguments()) {
      markdown.append("\n- ").append(line(argument));
    }
    return markdown.toString();
  }

  private static String entry(Vocabulary.Entry entry, String what) {
    return "`" + entry.name() + "`: " + what + "\n\n" + line(entry) + values(entry);
  }

  private static String line(Vocabulary.Entry entry) {
    StringBuilder line = new StringBuilder("`" + entry.name() + "`: " + entry.type());
    if (entry.range() != null) {
      line.append(", ").append(entry.range());
    }
    line.append(entry.required() ? "; required" : entry.defaultValue() != null
        ? "; default `" + entry.defaultValue() + "`" : "; optional");
    return line.toString();
  }

  private static String values(Vocabulary.Entry entry) {
    if (entry.values().isEmpty() || entry.values().size() > 24) {
      return "";
    }
    return "\n\none of " + String.join(", ", entry.values().stream().map(v -> "`" + v + "`").toList());
  }

  private static String section(String name) {
    String what = switch (name) {
      case "data" -> "the data: its source, split, normalization and preparation (required)";
      case "params" -> "the hyperparameters and the ranges they are searched over";
      case "model" -> "the network: its settings and its layers, input to output (required)";
      case "train" -> "how each trial trains: epochs, batch, early stopping, learning-rate schedule";
      case "search" -> "`search STRATEGY { ... }`: how the space is searched, the budget and the pruner";
      default -> "`objective = maximize|minimize METRIC on validation|test` (required)";
    };
    StringBuilder markdown = new StringBuilder("section `" + name + "`: " + what);
    List<Vocabulary.Entry> settings = Vocabulary.settings(name);
    if (!settings.isEmpty()) {
      markdown.append("\n\nsettings: ").append(String.join(", ", settings.stream().map(s -> "`" + s.name() + "`")
          .toList()));
    }
    return markdown.toString();
  }
}
