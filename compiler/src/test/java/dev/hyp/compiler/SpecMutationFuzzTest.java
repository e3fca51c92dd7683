package dev.hyp.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.diag.Label;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.AstDump;
import dev.hyp.compiler.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The parser, checker and formatter never throw. Every sample is mutated many times (tokens
 * and characters deleted, inserted, swapped and duplicated; braces, quotes, comment starts,
 * non-ASCII text, surrogate pairs, tabs and CRs inserted; numbers and names replaced; text cut
 * off), deterministically from fixed seeds. Each mutant must end in a checked experiment or in
 * located diagnostics, never in an exception; and each one that parses must format to text
 * that formats to itself and parses back to the same tree with the same comments.
 */
class SpecMutationFuzzTest {
  /** `-Dhyp.fuzz.mutants=200000 -Dhyp.fuzz.seed=7` for a longer hunt; the defaults keep the suite fast. */
  private static final int MUTANTS = Integer.getInteger("hyp.fuzz.mutants", 10_400);
  private static final long SEED = Long.getLong("hyp.fuzz.seed", 0x5eed_2026L);
  private static final int SHOWN_FAILURES = 5;

  /** Tokens of `.hyp` text, coarse on purpose: good enough to cut at token boundaries. */
  private static final Pattern TOKEN = Pattern.compile(
      "//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"|[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[smh]?"
          + "|\\.\\.|==|!=|<=|>=|\\s+|.", Pattern.DOTALL);

  private static final String[] INSERTIONS = {
      "{", "}", "(", ")", "[", "]", "\"", "/*", "*/", "//", ",", "=", "==", "..", "-", "*", "/", "+", "<", "!",
      "\t", "\r", "\r\n", "\n", " ", "\u00a0", "\f", "\u0000", "#", ";", "'", "\\", "\\q", "@",
      "é", "中", "·", "\u00e9\u0301", "\uD83D\uDE00", "\uD800", "\uDC00", "\u202E", "\uFEFF",
      "experiment", "search", "objective", "for", "in", "if", "and", "or", "not", "true", "false",
      "maximize", "minimize", "on", "data", "params", "model", "train", "grid", "tpe", "random",
      "units", "depth", "lr", "opt", "act", "i", "relu", "reluu", "softmax", "mse", "mcxent", "output", "dense",
      "dropout", "conv2d", "lstm", "maxpool", "batchnorm", "choice", "uniform", "loguniform", "int", "logint",
      "step", "trials", "timeout", "test", "validation", "holdout", "kfold", "csv", "image", "accuracy", "rmse",
      "0", "1", "-1", "0.0", "1e-4", "1e309", "1e-400", "99999999999999999999", "4294967296", "10m", "0s",
      "9999999999h", ".5", "1..3", "\"data/iris.csv\"", "\"\"", "\"x\\n\"",
  };

  private final Compiler compiler = new Compiler();
  private final DiagnosticRenderer renderer = new DiagnosticRenderer();
  private final Map<String, List<String>> failures = new LinkedHashMap<>();
  private int parsed;
  private int checked;

  @Test
  void mutantsNeverThrowAndFormattingRoundTrips(TestReporter reporter) {
    List<Path> samples = new ArrayList<>(TestFiles.samples());
    if (Boolean.getBoolean("hyp.fuzz.goldens")) {
      try (var goldens = java.nio.file.Files.list(TestFiles.resource("diagnostics"))) {
        goldens.filter(p -> p.toString().endsWith(".hyp")).sorted().forEach(samples::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Random random = new Random(SEED);
    int perSample = (MUTANTS + samples.size() - 1) / samples.size();
    int total = 0;
    for (Path sample : samples) {
      String original = TestFiles.read(sample);
      for (int n = 0; n < perSample; n++) {
        long seed = random.nextLong();
        String mutant = mutate(original, new Random(seed));
        // a real path beside the sample, so that data-file checks run against samples/data
        SourceFile source = new SourceFile("mutant.hyp", sample.resolveSibling("mutant.hyp"), mutant);
        String id = sample.getFileName() + " #" + n + " (seed " + seed + ")";
        exercise(source, id);
        total++;
      }
    }
    String summary = (total + " mutants of " + samples.size() + " samples: " + parsed + " parsed, "
        + checked + " checked without errors");
    reporter.publishEntry("mutants", summary);
    System.out.println(summary);
    if (!failures.isEmpty()) {
      StringBuilder report = new StringBuilder();
      failures.forEach((kind, examples) -> report.append("\n== ").append(kind).append(" (")
          .append(examples.size()).append(" shown)\n").append(String.join("\n", examples)));
      fail(failures.size() + " kinds of failure in " + total + " mutants:" + report);
    }
    assertTrue(total >= 10_000, "only " + total + " mutants");
    // the mutants must reach the checker and the formatter often, or the test proves little
    assertTrue(parsed > total / 10, "only " + parsed + " of " + total + " mutants parsed");
    assertTrue(checked > total / 50, "only " + checked + " of " + total + " mutants checked clean");
  }

  private void exercise(SourceFile source, String id) {
    String text = source.text();
    try {
      CheckResult result = compiler.check(source);
      boolean errors = result.diagnostics().stream().anyMatch(Diagnostic::isError);
      if (errors == (result.experiment() != null)) {
        record("checked experiment and errors disagree", id, text, "errors=" + errors);
      }
      if (!errors) {
        checked++;
      }
      for (Diagnostic diagnostic : result.diagnostics()) {
        for (Label label : diagnostic.labels()) {
          if (label.span().start() < 0 || label.span().end() > text.length()) {
            record(diagnostic.code() + " has a span outside the text", id, text, label.span().toString());
          }
        }
        String rendered = renderer.render(source, diagnostic);
        if (!rendered.contains(" --> mutant.hyp:")) {
          record("rendered diagnostic without a location", id, text, rendered);
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      record("check threw " + e.getClass().getSimpleName() + ": " + escape(firstLine(e)), id, text, stackTop(e));
      return;
    }
    try {
      ParseResult result = compiler.parse(source);
      if (result.succeeded()) {
        parsed++;
        roundTrip(result, id);
      } else if (result.diagnostics().stream().noneMatch(Diagnostic::isError)) {
        record("parse failed without an error", id, text, result.diagnostics().toString());
      }
    } catch (RuntimeException | StackOverflowError e) {
      record("parse or format threw " + e.getClass().getSimpleName() + ": " + escape(firstLine(e)), id, text,
          stackTop(e));
    }
  }

  private void roundTrip(ParseResult result, String id) {
    String text = result.source().text();
    String formatted = Formatter.format(text, result.experiment(), result.comments());
    ParseResult again = compiler.parse(SourceFile.of("formatted.hyp", formatted));
    if (!again.succeeded()) {
      record("formatted text does not parse", id, text, formatted + "\n" + again.diagnostics());
      return;
    }
    if (!AstDump.dump(result.experiment()).equals(AstDump.dump(again.experiment()))) {
      record("formatting changed the tree", id, text, formatted);
    }
    if (!sortedTexts(result.comments()).equals(sortedTexts(again.comments()))) {
      record("formatting lost or changed comments", id, text, formatted);
    }
    String twice = Formatter.format(formatted, again.experiment(), again.comments());
    if (!twice.equals(formatted)) {
      record("formatting is not idempotent", id, text, formatted + "\n--- formatted again:\n" + twice);
    }
  }

  private static List<String> sortedTexts(List<Comment> comments) {
    return comments.stream().map(Comment::text).sorted().toList();
  }

  private void record(String kind, String id, String text, String detail) {
    List<String> examples = failures.computeIfAbsent(kind, k -> new ArrayList<>());
    if (examples.size() < SHOWN_FAILURES) {
      examples.add("-- " + id + ": " + detail + "\n" + escape(text));
    }
  }

  // ---- mutations ----

  static String mutate(String text, Random random) {
    String mutant = text;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && !mutant.isEmpty(); i++) {
      mutant = mutateOnce(mutant, random);
    }
    return mutant;
  }

  private static String mutateOnce(String text, Random random) {
    List<int[]> tokens = tokens(text);
    int[] token = tokens.get(random.nextInt(tokens.size()));
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(12)) {
      case 0 -> text.substring(0, token[0]) + text.substring(token[1]); // delete a token
      case 1 -> { // insert a token, at a token boundary
        String inserted = INSERTIONS[random.nextInt(INSERTIONS.length)];
        yield text.substring(0, token[0]) + (random.nextBoolean() ? inserted : " " + inserted + " ")
            + text.substring(token[0]);
      }
      case 2 -> { // swap two tokens
        int[] other = tokens.get(random.nextInt(tokens.size()));
        int[] first = token[0] <= other[0] ? token : other;
        int[] second = first == token ? other : token;
        if (first[1] > second[0]) {
          yield text;
        }
        yield text.substring(0, first[0]) + text.substring(second[0], second[1]) + text.substring(first[1], second[0])
            + text.substring(first[0], first[1]) + text.substring(second[1]);
      }
      case 3 -> text.substring(0, token[1]) + text.substring(token[0], token[1]) + text.substring(token[1]); // duplicate
      case 4 -> { // duplicate a line
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : end + 1;
        yield text.substring(0, end) + text.substring(start, end) + text.substring(end);
      }
      case 5 -> at == text.length() ? text : text.substring(0, at) + text.substring(at + 1); // delete a character
      case 6 -> { // insert a character or short sequence anywhere, even inside a token
        String inserted = INSERTIONS[random.nextInt(48)];
        yield text.substring(0, at) + inserted + text.substring(at);
      }
      case 7 -> text.substring(0, at); // truncate
      case 8 -> replaceLike(text, tokens, random, "\\d.*", new String[] {
          "0", "1", "-1", "0.0", "2", "3", "1e-4", "1e309", "1e-400", "99999999999999999999", "0.99", "1000", "1001",
          "5000", "-0", "1.5", "100", "10m", "30s"});
      case 9 -> replaceLike(text, tokens, random, "[A-Za-z_].*", INSERTIONS);
      case 10 -> { // delete a whole line
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        yield text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
      }
      default -> { // swap two adjacent characters
        if (at + 1 >= text.length()) {
          yield text;
        }
        yield text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
      }
    };
  }

  /** Replaces a random token that matches {@code kind} with one of {@code choices}. */
  private static String replaceLike(String text, List<int[]> tokens, Random random, String kind, String[] choices) {
    List<int[]> matching = tokens.stream().filter(t -> text.substring(t[0], t[1]).matches(kind)).toList();
    if (matching.isEmpty()) {
      return text;
    }
    int[] token = matching.get(random.nextInt(matching.size()));
    return text.substring(0, token[0]) + choices[random.nextInt(choices.length)] + text.substring(token[1]);
  }

  private static List<int[]> tokens(String text) {
    List<int[]> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(new int[] {matcher.start(), matcher.end()});
    }
    if (tokens.isEmpty()) {
      tokens.add(new int[] {0, text.length()});
    }
    return tokens;
  }

  // ---- reporting ----

  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String stackTop(Throwable e) {
    StringBuilder out = new StringBuilder(e.toString());
    StackTraceElement[] stack = e.getStackTrace();
    for (int i = 0; i < Math.min(6, stack.length); i++) {
      out.append("\n    at ").append(stack[i]);
    }
    return out.toString();
  }

  /** The mutant as a Java string literal body, so it can be pasted into a test. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n\"\n+ \"");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
