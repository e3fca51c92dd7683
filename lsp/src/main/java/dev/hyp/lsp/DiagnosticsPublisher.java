package dev.hyp.lsp;

import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Label;
import dev.hyp.compiler.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Checks documents off the protocol's thread and publishes what `hyp check` would say: the same
 * codes, primary spans (as ranges), messages and help. A burst of keystrokes is checked once: a
 * change waits {@link #DEBOUNCE_MILLIS} for the next before it is checked, short enough that the
 * diagnostics of the last change arrive well within 200 ms (a check of a sample takes a few).
 */
final class DiagnosticsPublisher implements AutoCloseable {
  static final long DEBOUNCE_MILLIS = 30;

  private final Documents documents;
  private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "hyp-lsp-check");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private volatile LanguageClient client;

  DiagnosticsPublisher(Documents documents) {
    this.documents = documents;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  /**
   * Checks a small spec a few times on the checker's thread, so the parser and the checker are
   * loaded and compiled by the JIT before the first keystroke's check, not during it.
   */
  void warmUp() {
    for (int i = 0; i < WARM_UP_CHECKS; i++) {
      checker.execute(() -> new OpenDocument("untitled:warm-up.hyp", 0, WARM_UP, List.of()).checked());
    }
  }

  private static final int WARM_UP_CHECKS = 10;

  private static final String WARM_UP = """
      experiment warm_up {
        data { source = csv("data.csv", label = "y") }
        params { lr = loguniform(1e-4, 1e-1) }
        model {
          updater = adam(lr = lr)
          dense(units = 8)
          output(activation = softmax, loss = mcxent)
        }
        objective = maximize accuracy on validation
      }
      """;

  /** Checks at once (a document just opened). */
  void now(OpenDocument document) {
    schedule(document, 0);
  }

  /** Checks after the debounce, unless a newer change comes first. */
  void soon(OpenDocument document) {
    schedule(document, DEBOUNCE_MILLIS);
  }

  /** A closed document's diagnostics are cleared, as editors expect. */
  void clear(String uri) {
    ScheduledFuture<?> previous = pending.remove(uri);
    if (previous != null) {
      previous.cancel(false);
    }
    checker.execute(() -> publish(new PublishDiagnosticsParams(uri, List.of())));
  }

  private void schedule(OpenDocument document, long delay) {
    ScheduledFuture<?> next = checker.schedule(() -> check(document), delay, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(document.uri(), next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  private void check(OpenDocument document) {
    if (!documents.isCurrent(document)) {
      return; // a newer version is scheduled
    }
    List<org.eclipse.lsp4j.Diagnostic> converted = document.checked().diagnostics().stream()
        .map(d -> convert(d, document)).toList();
    publish(new PublishDiagnosticsParams(document.uri(), converted, document.version()));
  }

  private void publish(PublishDiagnosticsParams params) {
    LanguageClient connected = client;
    if (connected != null) {
      connected.publishDiagnostics(params);
    }
  }

  /** One diagnostic as the protocol carries it: the message, then the notes and the help as `hyp check` prints them. */
  static org.eclipse.lsp4j.Diagnostic convert(Diagnostic diagnostic, OpenDocument document) {
    StringBuilder message = new StringBuilder(diagnostic.message());
    for (String note : diagnostic.notes()) {
      message.append("\n= note: ").append(note);
    }
    if (diagnostic.help() != null) {
      message.append("\n= help: ").append(diagnostic.help());
    }
    org.eclipse.lsp4j.Diagnostic converted = new org.eclipse.lsp4j.Diagnostic(document.range(diagnostic.span()),
        message.toString(), diagnostic.severity() == Severity.ERROR ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning, "hyp", diagnostic.code().name());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Label label : diagnostic.labels()) {
      if (!label.primary()) {
        related.add(new DiagnosticRelatedInformation(new Location(document.uri(), document.range(label.span())),
            label.text()));
      }
    }
    if (!related.isEmpty()) {
      converted.setRelatedInformation(related);
    }
    return converted;
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
