package dev.hyp.lsp;

import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The requests about one document, each answered from its latest version. */
final class HypTextDocumentService implements TextDocumentService {
  private final Documents documents;
  private final DiagnosticsPublisher diagnostics;

  HypTextDocumentService(Documents documents, DiagnosticsPublisher diagnostics) {
    this.documents = documents;
    this.diagnostics = diagnostics;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var item = params.getTextDocument();
    diagnostics.now(documents.open(item.getUri(), item.getVersion(), item.getText()));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    var id = params.getTextDocument();
    diagnostics.soon(documents.change(id.getUri(), id.getVersion(), params.getContentChanges()));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    documents.close(params.getTextDocument().getUri());
    diagnostics.clear(params.getTextDocument().getUri());
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // a data file may have changed beside the spec: check again
    documents.get(params.getTextDocument().getUri())
        .map(d -> documents.reopen(d))
        .ifPresent(diagnostics::now);
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return answer(params.getTextDocument().getUri(), null,
        d -> Hovers.at(d, d.offset(params.getPosition())).orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return answer(params.getTextDocument().getUri(), Either.forLeft(List.of()),
        d -> Either.forLeft(Completions.at(d, d.offset(params.getPosition()))));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    return answer(params.getTextDocument().getUri(), Either.forLeft(List.of()),
        d -> Either.forLeft(Navigation.definition(d, d.offset(params.getPosition()))));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return answer(params.getTextDocument().getUri(), List.of(), d -> Navigation.references(d,
        d.offset(params.getPosition()), params.getContext() == null || params.getContext().isIncludeDeclaration()));
  }

  @Override
  public CompletableFuture<Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>>
      prepareRename(PrepareRenameParams params) {
    return answer(params.getTextDocument().getUri(), null, d -> Navigation.paramAt(d, d.offset(params.getPosition()))
        .map(p -> {
          int offset = d.offset(params.getPosition());
          var span = p.declaration().start() <= offset && offset <= p.declaration().end() ? p.declaration()
              : p.references().stream().filter(s -> s.start() <= offset && offset <= s.end()).findFirst().orElseThrow();
          return Either3.<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
              new PrepareRenameResult(d.range(span), p.name()));
        }).orElse(null));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return answer(params.getTextDocument().getUri(), null,
        d -> Navigation.rename(d, d.offset(params.getPosition()), params.getNewName()));
  }

  /** The whole text as `hyp fmt` lays it out; nothing while it does not parse (as `hyp fmt` refuses it). */
  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return answer(params.getTextDocument().getUri(), List.of(), d -> {
      ParseResult parsed = d.parsed();
      if (!parsed.succeeded()) {
        return List.of();
      }
      String formatted = Formatter.format(d.text(), parsed.experiment(), parsed.comments());
      return formatted.equals(d.text()) ? List.of() : List.of(new TextEdit(d.whole(), formatted));
    });
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
      DocumentSymbolParams params) {
    return answer(params.getTextDocument().getUri(), List.of(),
        d -> Outline.of(d).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  /** Answered off the protocol's thread, with {@code none} for a document that is not open. */
  private <T> CompletableFuture<T> answer(String uri, T none, Function<OpenDocument, T> handler) {
    return CompletableFutures.computeAsync(cancel -> documents.get(uri).map(handler).orElse(none));
  }
}
