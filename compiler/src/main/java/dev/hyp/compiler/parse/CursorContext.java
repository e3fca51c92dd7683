package dev.hyp.compiler.parse;

import dev.hyp.grammar.HypLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Where a cursor stands in a spec as it is being typed, read from the tokens before it (so a file
 * with a syntax error, the usual state while typing, still has a context): the blocks it is in,
 * the call whose parentheses it is in, the argument or setting whose value it is typing, and the
 * part of a name already typed. For tools: the language server's completion.
 *
 * @param blocks the open blocks, outermost first: `experiment`, then a section (`data`, `model`,
 *     `search`, ...), then `for` for each loop
 * @param strategy the strategy of an open `search STRATEGY {`, or null
 * @param call the callee of the innermost open call, or null when the cursor is in no call
 * @param argument the named argument whose value the cursor is in (`activation = |`), or null
 * @param argumentStart whether an argument's name may go at the cursor (just after `(` or `,`)
 * @param setting the setting whose value the cursor is in (`updater = |`, also inside its calls), or null
 * @param itemStart whether the cursor starts an item of its block (a setting, a layer or a section)
 * @param previous the token just before the typed prefix (`=`, `maximize`, `on`), or null
 * @param prefix the part of a name typed just before the cursor ("" when none)
 * @param prefixStart where the prefix starts (a UTF-16 offset)
 */
public record CursorContext(List<String> blocks, String strategy, String call, String argument, boolean argumentStart,
    String setting, boolean itemStart, String previous, String prefix, int prefixStart) {

  public CursorContext {
    blocks = List.copyOf(blocks);
  }

  /** The section the cursor is in (`data`, `params`, `model`, `train`, `search`), "" in the experiment, or null outside. */
  public String section() {
    if (blocks.isEmpty()) {
      return null;
    }
    return blocks.size() == 1 ? "" : blocks.get(1);
  }

  /** The context at a UTF-16 offset of {@code text}. */
  public static CursorContext at(String text, int offset) {
    CodePoints codePoints = new CodePoints(text);
    HypLexer lexer = new HypLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> before = new ArrayList<>();
    String prefix = "";
    int prefixStart = offset;
    for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
      int start = codePoints.toUtf16(token.getStartIndex());
      int end = codePoints.toUtf16(token.getStopIndex() + 1);
      if (start >= offset) {
        break;
      }
      if (end >= offset && isWord(token)) { // the name being typed
        prefix = text.substring(start, offset);
        prefixStart = start;
        break;
      }
      if (end > offset) { // inside a comment or a string: no completion context of its own
        break;
      }
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        before.add(token);
      }
    }
    return new Reader(before, text, offset).context(prefix, prefixStart);
  }

  private static boolean isWord(Token token) {
    return token.getType() == HypLexer.IDENTIFIER || Character.isLetter(token.getText().charAt(0));
  }

  /** Replays the tokens before the cursor with a stack of open blocks and calls. */
  private static final class Reader {
    private record Frame(int type, String name, String strategy, int opened) {}

    private final List<Token> tokens;
    private final String text;
    private final int offset;

    Reader(List<Token> tokens, String text, int offset) {
      this.tokens = tokens;
      this.text = text;
      this.offset = offset;
    }

    CursorContext context(String prefix, int prefixStart) {
      Deque<Frame> open = new ArrayDeque<>();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        switch (token.getType()) {
          case HypLexer.LBRACE -> open.push(block(i));
          case HypLexer.LPAREN -> open.push(new Frame(HypLexer.LPAREN, i > 0 && isWord(tokens.get(i - 1))
              ? tokens.get(i - 1).getText() : null, null, i));
          case HypLexer.LBRACKET -> open.push(new Frame(HypLexer.LBRACKET, null, null, i));
          case HypLexer.RBRACE -> popUntil(open, HypLexer.LBRACE);
          case HypLexer.RPAREN -> popUntil(open, HypLexer.LPAREN);
          case HypLexer.RBRACKET -> popUntil(open, HypLexer.LBRACKET);
          default -> { }
        }
      }
      List<String> blocks = new ArrayList<>();
      String strategy = null;
      Frame innermostBlock = null;
      Frame innermostCall = null;
      for (var it = open.descendingIterator(); it.hasNext(); ) {
        Frame frame = it.next();
        if (frame.type() == HypLexer.LBRACE) {
          blocks.add(frame.name());
          strategy = frame.strategy() != null ? frame.strategy() : strategy;
          innermostBlock = frame;
          innermostCall = null;
        } else if (frame.type() == HypLexer.LPAREN) {
          innermostCall = frame;
        }
      }
      Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
      String call = innermostCall == null ? null : innermostCall.name();
      String argument = null;
      boolean argumentStart = false;
      if (innermostCall != null && open.peek() == innermostCall) {
        int argumentFrom = lastAtDepth(innermostCall.opened(), HypLexer.COMMA) + 1;
        argumentStart = argumentFrom == tokens.size();
        if (argumentFrom + 1 < tokens.size() && tokens.get(argumentFrom + 1).getType() == HypLexer.ASSIGN) {
          argument = tokens.get(argumentFrom).getText();
        }
      }
      String setting = null;
      boolean itemStart = false;
      if (innermostBlock != null) {
        int itemFrom = itemStart(innermostBlock.opened());
        itemStart = itemFrom == tokens.size() && (innermostCall == null);
        if (itemFrom + 1 < tokens.size() && tokens.get(itemFrom + 1).getType() == HypLexer.ASSIGN) {
          setting = tokens.get(itemFrom).getText();
        } else if (itemFrom + 2 < tokens.size() && tokens.get(itemFrom + 1).getType() == HypLexer.LBRACKET) {
          setting = assignedAfterBound(itemFrom);
        }
      }
      return new CursorContext(blocks, strategy, call, argument, argumentStart, setting, itemStart,
          previous == null ? null : previous.getText(), prefix, prefixStart);
    }

    /** `data {`, `search tpe {`, `experiment iris {`, `for i in 1..n {`: the frame a `{` opens. */
    private Frame block(int brace) {
      for (int i = brace - 1; i >= 0; i--) {
        Token token = tokens.get(i);
        if (token.getType() == HypLexer.FOR) {
          return new Frame(HypLexer.LBRACE, "for", null, brace);
        }
        if (token.getType() == HypLexer.EXPERIMENT) {
          return new Frame(HypLexer.LBRACE, "experiment", null, brace);
        }
        if (token.getType() == HypLexer.SEARCH) {
          String strategy = i + 1 < brace ? tokens.get(i + 1).getText() : null;
          return new Frame(HypLexer.LBRACE, "search", strategy, brace);
        }
        if (token.getType() == HypLexer.LBRACE || token.getType() == HypLexer.RBRACE || !sameLine(token, brace)) {
          break;
        }
      }
      String name = brace > 0 && isWord(tokens.get(brace - 1)) ? tokens.get(brace - 1).getText() : "";
      return new Frame(HypLexer.LBRACE, name, null, brace);
    }

    private boolean sameLine(Token token, int index) {
      return token.getLine() == tokens.get(index).getLine();
    }

    private static void popUntil(Deque<Frame> open, int type) {
      while (!open.isEmpty()) {
        if (open.pop().type() == type) {
          return;
        }
      }
    }

    /** The index of the last token of {@code type} at the depth just inside {@code opened}, or {@code opened}. */
    private int lastAtDepth(int opened, int type) {
      int depth = 0;
      int last = opened;
      for (int i = opened + 1; i < tokens.size(); i++) {
        int t = tokens.get(i).getType();
        if (t == HypLexer.LPAREN || t == HypLexer.LBRACKET || t == HypLexer.LBRACE) {
          depth++;
        } else if (t == HypLexer.RPAREN || t == HypLexer.RBRACKET || t == HypLexer.RBRACE) {
          depth--;
        } else if (t == type && depth == 0) {
          last = i;
        }
      }
      return last;
    }

    /**
     * The index of the first token of the item the cursor is in, inside the block opened at
     * {@code opened}: items are one to a line, so the first token at the block's depth on the
     * line of the last such token, unless the cursor has moved on to a later line.
     */
    private int itemStart(int opened) {
      int depth = 0;
      int start = tokens.size();
      int line = -1;
      for (int i = opened + 1; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        int t = token.getType();
        if (depth == 0 && token.getLine() != line) {
          start = i;
          line = token.getLine();
        }
        if (t == HypLexer.LPAREN || t == HypLexer.LBRACKET || t == HypLexer.LBRACE) {
          depth++;
        } else if (t == HypLexer.RPAREN || t == HypLexer.RBRACKET || t == HypLexer.RBRACE) {
          depth--;
          if (depth == 0 && t == HypLexer.RBRACE) {
            line = -1; // a closed block ends its item
            start = tokens.size();
          }
        }
      }
      if (start < tokens.size() && lineOf(offset) > line && depth == 0) {
        return tokens.size();
      }
      return start;
    }

    private String assignedAfterBound(int itemFrom) {
      for (int i = itemFrom + 1; i + 1 < tokens.size(); i++) {
        if (tokens.get(i).getType() == HypLexer.RBRACKET && tokens.get(i + 1).getType() == HypLexer.ASSIGN) {
          return tokens.get(itemFrom).getText();
        }
      }
      return null;
    }

    private int lineOf(int utf16Offset) {
      int line = 1;
      for (int i = 0; i < utf16Offset && i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }
}
