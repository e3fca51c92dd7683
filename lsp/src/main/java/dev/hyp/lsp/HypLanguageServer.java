package dev.hyp.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.HoverOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The server: what it offers, the open documents, and the protocol's lifecycle (initialize, shutdown, exit). */
public final class HypLanguageServer implements LanguageServer, LanguageClientAware {
  private final Documents documents = new Documents();
  private final DiagnosticsPublisher diagnostics = new DiagnosticsPublisher(documents);
  private final HypTextDocumentService textDocuments = new HypTextDocumentService(documents, diagnostics);
  private final CompletableFuture<Boolean> exited = new CompletableFuture<>();
  private volatile boolean shutDown;

  /**
   * Serves one client on these streams until it exits or closes its end.
   *
   * @return whether the client shut the server down before leaving
   */
  public static boolean serve(InputStream in, OutputStream out) throws InterruptedException {
    HypLanguageServer server = new HypLanguageServer();
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture.anyOf(server.exited, CompletableFuture.runAsync(() -> waitFor(listening))).join();
    server.diagnostics.close();
    return server.shutDown;
  }

  private static void waitFor(Future<Void> listening) {
    try {
      listening.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the client's end closed abruptly: the server is done either way
    }
  }

  @Override
  public void connect(LanguageClient client) {
    diagnostics.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    diagnostics.warmUp();
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
    capabilities.setHoverProvider(new HoverOptions());
    CompletionOptions completion = new CompletionOptions();
    completion.setTriggerCharacters(java.util.List.of("(", ",", "=", " "));
    capabilities.setCompletionProvider(completion);
    capabilities.setDefinitionProvider(true);
    capabilities.setReferencesProvider(true);
    capabilities.setRenameProvider(new RenameOptions(true));
    capabilities.setDocumentFormattingProvider(true);
    capabilities.setDocumentSymbolProvider(true);
    return CompletableFuture.completedFuture(new InitializeResult(capabilities, new ServerInfo("hyp", version())));
  }

  private static String version() {
    String version = HypLanguageServer.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutDown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exited.complete(shutDown);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return new WorkspaceService() {
      @Override
      public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {}

      @Override
      public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {}
    };
  }
}
