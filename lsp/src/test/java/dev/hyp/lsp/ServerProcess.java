package dev.hyp.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * `hyp lsp` in a child JVM (dev.hyp.cli.Main, which finds the command through ServiceLoader, as
 * the launcher runs it), driven by a real LSP4J client over the child's standard input and output.
 */
final class ServerProcess implements AutoCloseable {
  /** A diagnostics notification and when the client received it. */
  record Received(PublishDiagnosticsParams params, long nanos) {}

  final BlockingQueue<Received> diagnostics = new LinkedBlockingQueue<>();
  final LanguageServer server;
  private final Process process;

  ServerProcess() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "dev.hyp.cli.Main", "lsp")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), process.getInputStream(),
        process.getOutputStream());
    launcher.startListening();
    server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(60, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
  }

  /** The next diagnostics published for {@code uri}, skipping other documents'. */
  Received nextDiagnostics(String uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Received received = diagnostics.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (received != null && received.params().getUri().equals(uri)) {
        return received;
      }
    }
    throw new AssertionError("no diagnostics for " + uri + " within 30 s");
  }

  /** Shuts the server down as an editor does, and gives its exit code. */
  int shutdown() throws Exception {
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not exit after `exit`");
    }
    return process.exitValue();
  }

  @Override
  public void close() throws IOException {
    process.destroy();
  }

  private final class Client implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(new Received(params, System.nanoTime()));
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {}
  }

  static List<String> labels(List<org.eclipse.lsp4j.CompletionItem> items) {
    return items.stream().map(org.eclipse.lsp4j.CompletionItem::getLabel).toList();
  }
}
