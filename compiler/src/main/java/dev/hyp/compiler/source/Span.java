package dev.hyp.compiler.source;

/** A range of characters in a source file: [start, end), as offsets into its text. */
public record Span(int start, int end) {
  public static final Span NONE = new Span(0, 0);

  public Span {
    if (end < start) {
      throw new IllegalArgumentException("span ends before it starts: " + start + ".." + end);
    }
  }

  public static Span at(int offset) {
    return new Span(offset, offset);
  }

  public Span to(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }

  public int length() {
    return end - start;
  }
}
