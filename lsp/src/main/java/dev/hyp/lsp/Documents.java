package dev.hyp.lsp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The open documents, each its latest version; edits make a new version (incremental or whole). */
final class Documents {
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();

  OpenDocument open(String uri, int version, String text) {
    OpenDocument document = new OpenDocument(uri, version, text);
    open.put(uri, document);
    return document;
  }

  Optional<OpenDocument> get(String uri) {
    return Optional.ofNullable(open.get(uri));
  }

  OpenDocument change(String uri, int version, Iterable<TextDocumentContentChangeEvent> changes) {
    OpenDocument current = open.get(uri);
    String text = current == null ? "" : current.text();
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        text = change.getText();
      } else {
        OpenDocument at = new OpenDocument(uri, version, text);
        int start = at.offset(change.getRange().getStart());
        int end = Math.max(start, at.offset(change.getRange().getEnd()));
        text = text.substring(0, start) + change.getText() + text.substring(end);
      }
    }
    return open(uri, version, text);
  }

  void close(String uri) {
    open.remove(uri);
  }

  /** Whether {@code document} is still the latest version of its uri. */
  boolean isCurrent(OpenDocument document) {
    return open.get(document.uri()) == document;
  }
}
