package dev.hyp.compiler.bench;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.grammar.HypLexer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Measures the front end after warm-up: parse+check of a generated spec of a given size and
 * of each sample, against a baseline measured in the same run (lexing the same text alone).
 * Prints one JSON line per figure.
 */
public final class CheckBenchmark {
  private CheckBenchmark() {}

  public static void main(String[] args) throws IOException {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000, samples(args.length > 1 ? args[1] : "samples"), System.out);
  }

  public static void run(int lines, List<Path> samples, PrintStream out) throws IOException {
    String text = LargeSpec.generate(lines);
    SourceFile large = SourceFile.of("large.hyp", text);
    CheckResult result = new Compiler().check(large);
    if (result.hasErrors()) {
      throw new IllegalStateException("the generated spec does not check: " + result.diagnostics().get(0).message());
    }
    double check = medianMillis(() -> new Compiler().check(large), 3, 9);
    double lex = medianMillis(() -> lex(text), 3, 9);
    out.printf(Locale.ROOT, "{\"benchmark\":\"parse+check\",\"lines\":%d,\"ms\":%.1f,\"lex_only_ms\":%.1f,"
        + "\"ratio_to_lex\":%.1f,\"us_per_line\":%.2f}%n", large.lineCount(), check, lex, check / lex,
        check * 1000 / large.lineCount());
    for (Path sample : samples) {
      SourceFile source = SourceFile.read(sample);
      double ms = medianMillis(() -> new Compiler().check(source), 20, 50);
      out.printf(Locale.ROOT, "{\"benchmark\":\"parse+check\",\"file\":\"%s\",\"lines\":%d,\"ms\":%.3f}%n",
          sample, source.lineCount(), ms);
    }
  }

  private static List<Path> samples(String directory) throws IOException {
    Path dir = Path.of(directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".hyp")).sorted().toList();
    }
  }

  private static int lex(String text) {
    CommonTokenStream tokens = new CommonTokenStream(new HypLexer(CharStreams.fromString(text)));
    tokens.fill();
    return tokens.size();
  }

  private static double medianMillis(Runnable work, int warmups, int runs) {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      times.add((System.nanoTime() - start) / 1e6);
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
