package dev.hyp.runtime.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optuna's side of the sampler benchmark, run on this machine when {@code /usr/bin/python3} has
 * optuna: the script {@code optuna_peer.py} (next to this class) runs Optuna's random, qmc, tpe
 * and cmaes samplers with their defaults on the same functions, boxes, seeds and budgets, and
 * prints one JSON line per function and sampler. It runs in a child process beside hyp's own
 * runs; {@link #results} waits for it. Tests never need it.
 */
final class OptunaPeer {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Pattern LINE = Pattern.compile(
      "\"function\": \"([^\"]+)\", \"sampler\": \"([^\"]+)\", \"optuna\": \"([^\"]+)\".*\"median_regret\": \\[([^]]+)]");

  private final Process process;
  private final Path script;

  /** One function's line from the peer: the sampler's median regret at each budget. */
  record Line(String function, String sampler, String version, double[] regrets, String json) {
  }

  private OptunaPeer(Process process, Path script) {
    this.process = process;
    this.script = script;
  }

  /** @return the running peer, or null with the reason in {@code why} when python3 or optuna is missing */
  static OptunaPeer start(int seeds, int firstSeed, List<String> functions, int[] budgets, StringBuilder why) {
    if (!Files.isExecutable(PYTHON)) {
      why.append(PYTHON).append(" is not there");
      return null;
    }
    try {
      Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import optuna, cmaes")
          .redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
        why.append(PYTHON).append(" cannot import optuna and cmaes");
        return null;
      }
      Path script = Files.createTempFile("hyp-optuna-peer", ".py");
      try (InputStream in = OptunaPeer.class.getResourceAsStream("optuna_peer.py")) {
        Files.write(script, in.readAllBytes());
      }
      StringBuilder b = new StringBuilder();
      for (int budget : budgets) {
        b.append(b.isEmpty() ? "" : ",").append(budget);
      }
      Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), String.valueOf(seeds),
          String.join(",", functions), b.toString(), String.valueOf(firstSeed))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      return new OptunaPeer(p, script);
    } catch (IOException e) {
      why.append("the Optuna peer did not start: ").append(e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why.append("interrupted");
      return null;
    }
  }

  /** Waits for the peer; its lines, or empty if it failed. */
  List<Line> results() {
    List<Line> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        Line parsed = parse(line);
        if (parsed != null) {
          out.add(parsed);
        }
      }
      if (process.waitFor() != 0) {
        out.clear();
      }
    } catch (IOException e) {
      out.clear();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.clear();
    } finally {
      process.destroy();
      try {
        Files.deleteIfExists(script);
      } catch (IOException ignored) {
        // a temporary file left behind
      }
    }
    return out;
  }

  /** One of the script's JSON lines, or null for anything else. */
  static Line parse(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      return null;
    }
    String[] parts = m.group(4).split(",");
    double[] regrets = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      regrets[i] = Double.parseDouble(parts[i].trim());
    }
    return new Line(m.group(1), m.group(2), m.group(3), regrets, line);
  }

  /** The best (lowest) median regret per function and budget over the lines' samplers. */
  static Map<String, double[]> best(List<Line> lines) {
    Map<String, double[]> best = new LinkedHashMap<>();
    for (Line l : lines) {
      double[] b = best.computeIfAbsent(l.function(), k -> l.regrets().clone());
      for (int i = 0; i < b.length; i++) {
        b[i] = Math.min(b[i], l.regrets()[i]);
      }
    }
    return best;
  }
}
