package dev.hyp.lsp;

import dev.hyp.compiler.check.Vocabulary;
import dev.hyp.compiler.parse.CursorContext;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * What may be written at the cursor, from where it is (read by the compiler's {@link CursorContext},
 * so it works while the text does not parse): sections and experiment settings at the top, a
 * section's settings at the start of its items, layers in `model`, a call's argument names, and the
 * values a setting or argument takes (activations, losses, updaters, ...), with the declared
 * parameters wherever parameters may be used.
 */
final class Completions {

  private final OpenDocument document;
  private final CursorContext context;
  private final int offset;
  private final Map<String, CompletionItem> items = new LinkedHashMap<>();

  private Completions(OpenDocument document, int offset) {
    this.document = document;
    this.offset = offset;
    this.context = CursorContext.at(document.text(), offset);
  }

  static List<CompletionItem> at(OpenDocument document, int offset) {
    return new Completions(document, offset).collect();
  }

  private List<CompletionItem> collect() {
    String section = context.section();
    if (section == null) {
      keyword("experiment", "experiment ${1:name} {\n  $0\n}");
    } else if (context.call() != null) {
      inCall(section);
    } else if (section.isEmpty() && "objective".equals(context.setting())) {
      objective();
    } else if (context.setting() != null) {
      value(section, context.setting());
    } else if (context.itemStart()) {
      itemStart(section);
    }
    String prefix = context.prefix();
    return items.values().stream().filter(i -> i.getLabel().startsWith(prefix)).toList();
  }

  private void inCall(String section) {
    Optional<Vocabulary.Callable> callable = Vocabulary.callable(context.call());
    if (context.argument() != null) {
      callable.flatMap(c -> c.argument(context.argument())).ifPresent(this::values);
      params(section);
      return;
    }
    if (context.argumentStart() && callable.isPresent()) {
      List<String> given = givenArguments();
      for (Vocabulary.Entry argument : callable.get().arguments()) {
        if (!given.contains(argument.name())) {
          add(argument.name(), CompletionItemKind.Field, argument.type() + (argument.required() ? ", required"
              : argument.defaultValue() != null ? ", default " + argument.defaultValue() : ""),
              argument.name() + " = ", false);
        }
      }
    }
    if (context.call().equals("choice") || callable.isEmpty()) {
      // `choice(` takes values of the place its parameter is used; `opt(` is a parameter choosing updaters
      symbolsOf("activation");
      symbolsOf("updater");
    }
    params(section);
  }

  /** The names already given in the open call, so they are not offered twice. */
  private List<String> givenArguments() {
    String before = document.text().substring(0, offset);
    int open = before.lastIndexOf('(');
    List<String> names = new ArrayList<>();
    Matcher matcher = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=[^=]").matcher(before.substring(open + 1));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private void value(String section, String setting) {
    if (section.equals("params")) {
      Vocabulary.distributions().forEach(c -> call(c, CompletionItemKind.Function));
      params(section);
      return;
    }
    Optional<Vocabulary.Entry> entry = Vocabulary.setting(section, setting);
    if (entry.isEmpty() && section.equals("search") && context.strategy() != null) {
      entry = Vocabulary.strategyOptions(context.strategy()).stream().filter(o -> o.name().equals(setting))
          .findFirst();
    }
    entry.ifPresent(this::values);
    params(section);
  }

  private void objective() {
    String previous = context.previous();
    if ("maximize".equals(previous) || "minimize".equals(previous)) {
      symbolsOf("metric");
    } else if ("on".equals(previous)) {
      symbolsOf("split");
    } else if ("=".equals(previous)) {
      keyword("maximize", "maximize ${1:accuracy} on ${2:validation}");
      keyword("minimize", "minimize ${1:loss} on ${2:validation}");
    } else if (!"on".equals(previous) && !Vocabulary.symbols("split").contains(previous)) {
      keyword("on", "on ");
    }
  }

  private void itemStart(String section) {
    switch (section) {
      case "" -> {
        for (String name : Vocabulary.sections()) {
          if (!name.equals("search") && !name.equals("objective")) {
            keyword(name, name + " {\n  $0\n}");
          }
        }
        keyword("search", "search ${1|" + String.join(",", Vocabulary.symbols("search strategy")) + "|} {\n  $0\n}");
        keyword("objective", "objective = ${1|maximize,minimize|} ${2:accuracy} on ${3:validation}");
        settings("");
      }
      case "model", "for" -> {
        if (section.equals("model")) {
          settings("model");
        }
        layers();
      }
      case "data" -> {
        settings("data");
        Vocabulary.callable("column").ifPresent(c -> call(c, CompletionItemKind.Function));
      }
      case "search" -> {
        settings("search");
        if (context.strategy() != null) {
          Vocabulary.strategyOptions(context.strategy()).forEach(o -> setting(o, "option of `" + context.strategy() + "`"));
        }
      }
      case "params" -> { }
      default -> settings(section);
    }
    if (context.blocks().contains("model")) {
      layers();
      keyword("for", "for ${1:i} in ${2:1}..${3:depth} {\n  $0\n}");
    }
  }

  private void layers() {
    Vocabulary.layers().forEach(layer -> call(layer, CompletionItemKind.Function));
  }

  private void settings(String section) {
    Vocabulary.settings(section).forEach(s -> setting(s, "setting of " + (section.isEmpty() ? "the experiment"
        : "`" + section + "`")));
  }

  private void setting(Vocabulary.Entry entry, String what) {
    add(entry.name(), CompletionItemKind.Property, what + ": " + entry.type()
        + (entry.defaultValue() != null ? ", default " + entry.defaultValue() : ""), entry.name() + " = ", false);
  }

  private void values(Vocabulary.Entry entry) {
    for (String value : entry.values()) {
      Optional<Vocabulary.Callable> callable = Vocabulary.callable(value);
      boolean needsCall = callable.isPresent() && callable.get().arguments().stream().anyMatch(Vocabulary.Entry::required);
      if (needsCall) {
        call(callable.get(), CompletionItemKind.Function);
      } else {
        add(value, CompletionItemKind.EnumMember, entry.valueKind(), value, false);
      }
    }
  }

  private void symbolsOf(String kind) {
    Vocabulary.symbols(kind).forEach(s -> add(s, CompletionItemKind.EnumMember, kind, s, false));
  }

  /** The declared parameters, where parameters may be used (not in `search`, `objective` or the experiment's settings). */
  private void params(String section) {
    if (section.equals("search") || section.isEmpty()) {
      return;
    }
    for (String name : document.paramNames()) {
      add(name, CompletionItemKind.Variable, "parameter", name, false);
    }
  }

  private void call(Vocabulary.Callable callable, CompletionItemKind kind) {
    List<String> required = callable.arguments().stream().filter(Vocabulary.Entry::required)
        .map(Vocabulary.Entry::name).toList();
    StringBuilder snippet = new StringBuilder(callable.name()).append('(');
    boolean positional = callable.kind().equals("distribution") || callable.name().equals("column");
    for (int i = 0; i < required.size(); i++) {
      snippet.append(i == 0 ? "" : ", ").append(positional ? "" : required.get(i) + " = ")
          .append("${").append(i + 1).append(':').append(required.get(i)).append('}');
    }
    snippet.append(required.isEmpty() ? "$0)" : ")$0");
    add(callable.name(), kind, callable.kind(), snippet.toString(), true);
  }

  private void keyword(String label, String snippet) {
    add(label, CompletionItemKind.Keyword, "keyword", snippet, true);
  }

  private void add(String label, CompletionItemKind kind, String detail, String insert, boolean snippet) {
    if (items.containsKey(label)) {
      return;
    }
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setDetail(detail);
    item.setInsertTextFormat(snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
    Span replaced = new Span(context.prefixStart(), offset);
    item.setTextEdit(Either.forLeft(new TextEdit(document.range(replaced), insert)));
    items.put(label, item);
  }
}
