package dev.hyp.lsp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The open documents, each its latest version; edits make a new version (incremental or whole). */
final class Documents {
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();

  OpenDocument open(String uri, int version, String text) {
    return put(new OpenDocument(uri, version, text, List.of()));
  }

  private OpenDocument put(OpenDocument document) {
    open.put(document.uri(), document);
    return document;
  }

  Optional<OpenDocument> get(String uri) {
    return Optional.ofNullable(open.get(uri));
  }

  OpenDocument change(String uri, int version, Iterable<TextDocumentContentChangeEvent> changes) {
    OpenDocument current = open.get(uri);
    String text = current == null ? "" : current.text();
    List<String> params = current == null ? List.of() : current.paramNames();
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        text = change.getText();
      } else {
        OpenDocument at = new OpenDocument(uri, version, text, List.of());
        int start = at.offset(change.getRange().getStart());
        int end = Math.max(start, at.offset(change.getRange().getEnd()));
        text = text.substring(0, start) + change.getText() + text.substring(end);
      }
    }
    return put(new OpenDocument(uri, version, text, params));
  }

  /** The same text checked afresh (a data file beside it may have changed). */
  OpenDocument reopen(OpenDocument document) {
    return put(new OpenDocument(document.uri(), document.version(), document.text(), document.paramNames()));
  }

  void close(String uri) {
    open.remove(uri);
  }

  /** Whether {@code document} is still the latest version of its uri. */
  boolean isCurrent(OpenDocument document) {
    return open.get(document.uri()) == document;
  }
}
