package dev.hyp.compiler.print;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.ast.ConstraintMember;
import dev.hyp.compiler.ast.Experiment;
import dev.hyp.compiler.ast.ForLoop;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Identifier;
import dev.hyp.compiler.ast.MultiObjectiveMember;
import dev.hyp.compiler.ast.ObjectiveMember;
import dev.hyp.compiler.ast.SearchBlock;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a syntax tree in hyp's one canonical layout, keeping every comment: two-space
 * indentation, one member per line, `=` aligned within runs of settings, trailing comments
 * aligned within a run, at most one blank line kept where the author left one. Comments
 * inside a one-line member move to the line above it. Printing its own output again gives
 * the same text.
 */
public final class Formatter {
  private static final String INDENT = "  ";

  private final String text;
  private final List<Comment> comments;
  private final boolean[] used;
  private final StringBuilder out = new StringBuilder();

  private Formatter(String text, List<Comment> comments) {
    this.text = text;
    this.comments = comments;
    this.used = new boolean[comments.size()];
  }

  /** The canonical text of a file whose tree and comments came from {@code text}. */
  public static String format(String text, Experiment experiment, List<Comment> comments) {
    Formatter formatter = new Formatter(text, comments);
    formatter.file(experiment);
    return formatter.out.toString();
  }

  /** The tree alone, without comments: for tests and for printing trees built in code. */
  public static String print(Experiment experiment) {
    return format("", experiment, List.of());
  }

  private void file(Experiment experiment) {
    List<Comment> header = commentsIn(0, experiment.span().start());
    for (int i = 0; i < header.size(); i++) {
      if (i > 0 && blankLineBetween(header.get(i - 1).span().end(), header.get(i).span().start())) {
        out.append('\n');
      }
      out.append(header.get(i).text()).append('\n');
    }
    if (!header.isEmpty() && blankLineBetween(last(header).span().end(), experiment.span().start())) {
      out.append('\n');
    }
    out.append("experiment ").append(experiment.name().name()).append(' ');
    block(experiment.members(), experiment.span(), "");
    Comment afterBrace = trailingComment(experiment.span().end());
    if (afterBrace != null) {
      out.append("  ").append(afterBrace.text());
    }
    out.append('\n');
    int cursor = afterBrace != null ? afterBrace.span().end() : experiment.span().end();
    for (Comment comment : commentsIn(experiment.span().end(), Integer.MAX_VALUE)) {
      if (blankLineBetween(cursor, comment.span().start())) {
        out.append('\n');
      }
      out.append(comment.text()).append('\n');
      cursor = comment.span().end();
    }
  }

  /** `{` (with a comment written after it on its line), the members one level deeper, the comments left before `}`, then `}`. */
  private void block(List<Member> members, Span span, String indent) {
    String inner = indent + INDENT;
    List<Line> lines = new ArrayList<>();
    int cursor = span.start();
    int brace = openingBrace(span);
    Comment afterBrace = brace < 0 ? null : trailingComment(brace + 1);
    for (Member member : members) {
      for (Comment comment : commentsIn(cursor, member.span().start())) {
        lines.add(Line.comment(comment, blankLineBetween(cursor, comment.span().start()) && !lines.isEmpty()));
        cursor = comment.span().end();
      }
      boolean blank = blankLineBetween(cursor, member.span().start()) && !lines.isEmpty();
      if (!isBlockLike(member)) {
        // comments written inside a one-line member move above it
        for (Comment comment : commentsIn(member.span().start(), member.span().end())) {
          lines.add(Line.comment(comment, blank));
          blank = false;
        }
      }
      Comment trailing = trailingComment(member.span().end());
      lines.add(Line.member(member, blank, trailing));
      cursor = trailing != null ? trailing.span().end() : member.span().end();
    }
    List<Comment> closing = commentsIn(cursor, span.end());
    for (Comment comment : closing) {
      lines.add(Line.comment(comment, blankLineBetween(cursor, comment.span().start()) && !lines.isEmpty()));
      cursor = comment.span().end();
    }
    if (lines.isEmpty() && afterBrace == null) {
      out.append("{}");
      return;
    }
    out.append('{');
    if (afterBrace != null) {
      out.append("  ").append(afterBrace.text());
    }
    out.append('\n');
    printLines(lines, inner);
    out.append(indent).append('}');
  }

  private void printLines(List<Line> lines, String indent) {
    int runStart = 0;
    for (int i = 0; i <= lines.size(); i++) {
      if (i == lines.size() || (i > runStart && (lines.get(i).blankBefore || !lines.get(i).isSingleLine())) 
          || (i < lines.size() && !lines.get(i).isSingleLine())) {
        printRun(lines.subList(runStart, i), indent);
        if (i < lines.size() && !lines.get(i).isSingleLine()) {
          printMultiLine(lines.get(i), indent);
          runStart = i + 1;
        } else {
          runStart = i;
        }
      }
    }
  }

  /** A run of consecutive one-line members and comments: `=` and trailing comments aligned. */
  private void printRun(List<Line> run, String indent) {
    int keyWidth = run.stream().filter(Line::hasKey).mapToInt(l -> key(l.member).length()).max().orElse(0);
    List<String> bodies = new ArrayList<>();
    for (Line line : run) {
      bodies.add(line.member == null ? line.comment.text() : singleLine(line.member, keyWidth));
    }
    int commentColumn = 0;
    for (int i = 0; i < run.size(); i++) {
      if (run.get(i).trailing != null) {
        commentColumn = Math.max(commentColumn, bodies.get(i).length());
      }
    }
    for (int i = 0; i < run.size(); i++) {
      Line line = run.get(i);
      if (line.blankBefore) {
        out.append('\n');
      }
      out.append(indent).append(bodies.get(i));
      if (line.trailing != null) {
        out.append(" ".repeat(commentColumn - bodies.get(i).length() + 2)).append(line.trailing.text());
      }
      out.append('\n');
    }
  }

  private void printMultiLine(Line line, String indent) {
    if (line.blankBefore) {
      out.append('\n');
    }
    out.append(indent);
    if (line.member instanceof Block b) {
      out.append(b.name().name()).append(' ');
      block(b.members(), b.span(), indent);
    } else if (line.member instanceof SearchBlock s) {
      out.append("search ").append(s.strategy().name()).append(' ');
      block(s.members(), s.span(), indent);
    } else {
      ForLoop f = (ForLoop) line.member;
      out.append("for ").append(f.variable().name()).append(" in ")
          .append(ExpressionPrinter.print(f.from())).append("..").append(ExpressionPrinter.print(f.to()))
          .append(' ');
      block(f.body(), f.span(), indent);
    }
    if (line.trailing != null) {
      out.append("  ").append(line.trailing.text());
    }
    out.append('\n');
  }

  private static String singleLine(Member member, int keyWidth) {
    if (member instanceof Setting s) {
      return pad(key(s), keyWidth) + " = " + ExpressionPrinter.print(s.value())
          + (s.when() == null ? "" : " if " + ExpressionPrinter.print(s.when()));
    } else if (member instanceof ObjectiveMember o) {
      return pad("objective", keyWidth) + " = " + objective(o.maximize(), o.metric(), o.split());
    } else if (member instanceof MultiObjectiveMember m) {
      return pad("objective", keyWidth) + " = " + String.join(", ",
          m.terms().stream().map(t -> objective(t.maximize(), t.measure(), t.split())).toList());
    } else if (member instanceof ConstraintMember c) {
      return c.measure().name() + (c.split() == null ? "" : " on " + c.split().name()) + " " + c.op().symbol() + " "
          + ExpressionPrinter.print(c.limit());
    }
    return ExpressionPrinter.call(((CallMember) member).call());
  }

  private static String objective(boolean maximize, Identifier measure, Identifier split) {
    return (maximize ? "maximize " : "minimize ") + measure.name() + (split == null ? "" : " on " + split.name());
  }

  private static String key(Member member) {
    if (member instanceof Setting s) {
      return s.bound() == null ? s.name().name() : s.name().name() + "[" + ExpressionPrinter.print(s.bound()) + "]";
    }
    return member instanceof ObjectiveMember || member instanceof MultiObjectiveMember ? "objective" : "";
  }

  private static String pad(String key, int width) {
    return key + " ".repeat(Math.max(0, width - key.length()));
  }

  private static boolean isBlockLike(Member member) {
    return member instanceof Block || member instanceof SearchBlock || member instanceof ForLoop;
  }

  /** Unused comments that start in [from, to), marked used. */
  private List<Comment> commentsIn(int from, int to) {
    List<Comment> found = new ArrayList<>();
    for (int i = 0; i < comments.size(); i++) {
      Comment comment = comments.get(i);
      if (!used[i] && comment.span().start() >= from && comment.span().start() < to) {
        used[i] = true;
        found.add(comment);
      }
    }
    return found;
  }

  /** Where the block's `{` is: the first one after its start that is not inside a comment; -1 if none. */
  private int openingBrace(Span span) {
    int i = Math.max(0, span.start());
    while (i < Math.min(span.end(), text.length())) {
      Comment comment = commentAt(i);
      if (comment != null) {
        i = comment.span().end();
      } else if (text.charAt(i) == '{') {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  private Comment commentAt(int position) {
    for (Comment comment : comments) {
      if (comment.span().start() == position) {
        return comment;
      }
    }
    return null;
  }

  /** The first unused comment after {@code end} on the same line, marked used. */
  private Comment trailingComment(int end) {
    for (int i = 0; i < comments.size(); i++) {
      Comment comment = comments.get(i);
      if (!used[i] && comment.span().start() >= end && onlySpacesBetween(end, comment.span().start())) {
        used[i] = true;
        return comment;
      }
    }
    return null;
  }

  private boolean onlySpacesBetween(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  private boolean blankLineBetween(int from, int to) {
    int newlines = 0;
    for (int i = Math.max(0, from); i < Math.min(to, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        newlines++;
      }
    }
    return newlines >= 2;
  }

  private static Comment last(List<Comment> comments) {
    return comments.get(comments.size() - 1);
  }

  /** One printed line: a member (with its trailing comment) or a comment on its own. */
  private record Line(Member member, Comment comment, Comment trailing, boolean blankBefore) {
    static Line member(Member member, boolean blankBefore, Comment trailing) {
      return new Line(member, null, trailing, blankBefore);
    }

    static Line comment(Comment comment, boolean blankBefore) {
      return new Line(null, comment, null, blankBefore);
    }

    boolean isSingleLine() {
      return member == null || !isBlockLike(member);
    }

    boolean hasKey() {
      return member instanceof Setting || member instanceof ObjectiveMember || member instanceof MultiObjectiveMember;
    }
  }
}
