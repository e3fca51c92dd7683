package dev.hyp.runtime.progress;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws the progress bar on the run's output (not the library's default, stderr) and lets
 * trial lines be printed above it: each line first erases the bar, which redraws below it.
 */
final class BarConsumer implements ProgressBarConsumer {
  private static final String ERASE_LINE = "\r\u001b[2K";
  private final PrintWriter out;
  // asked only for the terminal's width; it never prints
  private final ConsoleProgressBarConsumer terminal = new ConsoleProgressBarConsumer(System.out);

  private final int columns; // 0: the terminal's width

  BarConsumer(PrintWriter out) {
    this(out, 0);
  }

  /** With a fixed width of {@code columns} (for tests), or the terminal's when 0. */
  BarConsumer(PrintWriter out, int columns) {
    this.out = out;
    this.columns = columns;
  }

  @Override
  public int getMaxRenderedLength() {
    return Math.max(40, columns > 0 ? columns : terminal.getMaxRenderedLength());
  }

  @Override
  public void accept(String rendered) {
    int width = getMaxRenderedLength();
    // the library sizes the bar to the width; a line still too long loses its colours and its end,
    // since cutting through a colour code would garble the terminal
    String plain = rendered.replaceAll("\u001b\\[[0-9;]*m", "");
    String line = plain.length() <= width ? rendered : plain.substring(0, width);
    synchronized (out) {
      out.print(ERASE_LINE + line);
      out.flush();
    }
  }

  void printAbove(String line) {
    synchronized (out) {
      out.print(ERASE_LINE);
      out.println(line);
      out.flush();
    }
  }

  @Override
  public void close() {
    synchronized (out) {
      out.println();
      out.flush();
    }
  }
}
