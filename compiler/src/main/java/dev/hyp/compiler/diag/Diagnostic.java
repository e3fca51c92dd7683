package dev.hyp.compiler.diag;

import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One problem in a spec. The message is lowercase with names in backticks and no trailing
 * period; the fix, if there is one, goes in {@code help} only.
 */
public record Diagnostic(
    Severity severity, Code code, String message, List<Label> labels, List<String> notes, String help) {

  public Diagnostic {
    labels = List.copyOf(labels);
    notes = List.copyOf(notes);
    if (labels.stream().noneMatch(Label::primary)) {
      throw new IllegalArgumentException("a diagnostic needs a primary label");
    }
  }

  public static Builder error(Code code, Span span, String message) {
    return new Builder(Severity.ERROR, code, span, message);
  }

  public static Builder warning(Code code, Span span, String message) {
    return new Builder(Severity.WARNING, code, span, message);
  }

  public Label primaryLabel() {
    return labels.stream().filter(Label::primary).findFirst().orElseThrow();
  }

  public Span span() {
    return primaryLabel().span();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public static final class Builder {
    private final Severity severity;
    private final Code code;
    private final String message;
    private final Span span;
    private String primaryText = "";
    private final List<Label> secondary = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String help;

    private Builder(Severity severity, Code code, Span span, String message) {
      this.severity = severity;
      this.code = code;
      this.span = span;
      this.message = message;
    }

    /** The short text printed under the carets. */
    public Builder label(String text) {
      this.primaryText = text;
      return this;
    }

    public Builder secondary(Span at, String text) {
      secondary.add(Label.secondary(at, text));
      return this;
    }

    public Builder note(String text) {
      notes.add(text);
      return this;
    }

    public Builder help(String text) {
      this.help = text;
      return this;
    }

    public Diagnostic build() {
      List<Label> labels = new ArrayList<>();
      labels.add(Label.primary(span, primaryText));
      labels.addAll(secondary);
      return new Diagnostic(severity, code, message, labels, notes, help);
    }
  }
}
