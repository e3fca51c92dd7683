package dev.hyp.compiler.diag;

import dev.hyp.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a diagnostic the way rustc does: a header, the location, the source lines with
 * carets under the primary span and dashes under secondary ones, then notes and help.
 */
public final class DiagnosticRenderer {

  public String render(SourceFile file, Diagnostic diagnostic) {
    StringBuilder out = new StringBuilder();
    out.append(diagnostic.severity().label())
        .append('[').append(diagnostic.code().name()).append("]: ")
        .append(diagnostic.message()).append('\n');

    int primaryOffset = diagnostic.span().start();
    int primaryLine = file.line(primaryOffset);
    Map<Integer, List<Label>> byLine = labelsByLine(file, diagnostic.labels());
    int gutter = String.valueOf(byLine.keySet().stream().max(Integer::compare).orElse(primaryLine)).length();
    String blank = " ".repeat(gutter);

    out.append(blank).append("--> ").append(file.name()).append(':')
        .append(primaryLine).append(':').append(file.column(primaryOffset)).append('\n');
    out.append(blank).append(" |\n");
    Integer previous = null;
    for (Map.Entry<Integer, List<Label>> entry : byLine.entrySet()) {
      int line = entry.getKey();
      if (previous != null && line > previous + 1) {
        out.append("...\n");
      }
      String text = displayable(file.lineText(line));
      out.append(pad(line, gutter)).append(" | ").append(text).append('\n');
      List<Label> labels = new ArrayList<>(entry.getValue());
      labels.sort(Comparator.comparingInt((Label l) -> l.span().start()));
      for (Label label : labels) {
        out.append(blank).append(" | ").append(underline(file, line, label)).append('\n');
      }
      previous = line;
    }
    for (String note : diagnostic.notes()) {
      out.append(blank).append(" = note: ").append(note).append('\n');
    }
    if (diagnostic.help() != null) {
      out.append(blank).append(" = help: ").append(diagnostic.help()).append('\n');
    }
    return out.toString();
  }

  public String renderAll(SourceFile file, List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic diagnostic : diagnostics) {
      out.append(render(file, diagnostic)).append('\n');
    }
    return out.toString();
  }

  private static Map<Integer, List<Label>> labelsByLine(SourceFile file, List<Label> labels) {
    Map<Integer, List<Label>> byLine = new TreeMap<>();
    for (Label label : labels) {
      int line = file.line(Math.min(label.span().start(), file.text().length()));
      byLine.computeIfAbsent(line, k -> new ArrayList<>()).add(label);
    }
    return byLine;
  }

  /** Carets (or dashes) under the label's span on its first line, then the label text. */
  private static String underline(SourceFile file, int line, Label label) {
    int lineStart = file.lineStart(line);
    int lineLength = file.lineText(line).length();
    int from = label.span().start() - lineStart;
    int to = Math.min(label.span().end() - lineStart, lineLength);
    int width = Math.max(1, to - from);
    char mark = label.primary() ? '^' : '-';
    String marks = " ".repeat(from) + String.valueOf(mark).repeat(width);
    return label.text().isEmpty() ? marks : marks + " " + label.text();
  }

  /** Tabs become one space each so that carets stay under the characters they mark. */
  private static String displayable(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(c == '\t' || Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }

  private static String pad(int line, int width) {
    String digits = String.valueOf(line);
    return " ".repeat(width - digits.length()) + digits;
  }
}
