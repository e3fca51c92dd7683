package dev.hyp.lsp;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.ObjectiveMember;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline of a spec: the experiment, its sections, and in each its settings, parameters, layers and loops. */
final class Outline {
  private final OpenDocument document;

  private Outline(OpenDocument document) {
    this.document = document;
  }

  /** Empty while the text does not parse. */
  static List<DocumentSymbol> of(OpenDocument document) {
    if (!document.parsed().succeeded()) {
      return List.of();
    }
    Experiment experiment = document.parsed().experiment();
    Outline outline = new Outline(document);
    return List.of(outline.symbol(experiment.name().name(), "experiment", SymbolKind.Module, experiment.span(),
        experiment.name().span(), outline.members(experiment.members(), false)));
  }

  private List<DocumentSymbol> members(List<Member> members, boolean params) {
    return members.stream().map(m -> member(m, params)).toList();
  }

  private DocumentSymbol member(Member member, boolean params) {
    if (member instanceof Block block) {
      boolean isParams = block.name().name().equals("params");
      return symbol(block.name().name(), "section", SymbolKind.Namespace, block.span(), block.name().span(),
          members(block.members(), isParams));
    }
    if (member instanceof SearchBlock search) {
      return symbol("search " + search.strategy().name(), "section", SymbolKind.Namespace, search.span(),
          search.strategy().span(), members(search.members(), false));
    }
    if (member instanceof ForLoop loop) {
      return symbol("for " + loop.variable().name() + " in " + ExpressionPrinter.print(loop.from()) + ".."
          + ExpressionPrinter.print(loop.to()), "loop", SymbolKind.Array, loop.span(), loop.variable().span(),
          members(loop.body(), false));
    }
    if (member instanceof CallMember call) {
      return symbol(call.call().callee().name(), ExpressionPrinter.call(call.call()), SymbolKind.Function,
          call.span(), call.call().callee().span(), List.of());
    }
    if (member instanceof ObjectiveMember objective) {
      return symbol("objective", (objective.maximize() ? "maximize " : "minimize ") + objective.metric().name()
          + " on " + objective.split().name(), SymbolKind.Event, objective.span(), objective.metric().span(), List.of());
    }
    Setting setting = (Setting) member;
    return symbol(setting.name().name(), ExpressionPrinter.print(setting.value()),
        params ? SymbolKind.Variable : SymbolKind.Property, setting.span(), setting.name().span(), List.of());
  }

  private DocumentSymbol symbol(String name, String detail, SymbolKind kind, Span whole, Span selected,
      List<DocumentSymbol> children) {
    DocumentSymbol symbol = new DocumentSymbol(name.isEmpty() ? "?" : name, kind, document.range(whole),
        document.range(selected), detail);
    symbol.setChildren(children);
    return symbol;
  }
}
