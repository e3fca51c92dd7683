package dev.hyp.cli;

import java.util.Optional;

/**
 * How wide a table may be: {@code COLUMNS} when set, else the terminal's width when the output is
 * one; not a terminal (a pipe, a file) has no limit, so scripts get every column.
 */
final class TerminalWidth {
  /** Narrower than this is taken as a mistake in COLUMNS, not a terminal to fit. */
  static final int NARROWEST = 40;

  private TerminalWidth() {}

  static Optional<Integer> columns() {
    Optional<Integer> set = parse(System.getenv("COLUMNS"));
    if (set.isPresent() || System.console() == null) {
      return set;
    }
    try (org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true)
        .build()) {
      int width = terminal.getWidth();
      return width >= NARROWEST ? Optional.of(width) : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<Integer> parse(String text) {
    if (text == null || !text.trim().matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int width = Integer.parseInt(text.trim());
    return width >= NARROWEST ? Optional.of(width) : Optional.empty();
  }
}
