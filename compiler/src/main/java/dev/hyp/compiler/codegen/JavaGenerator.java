package dev.hyp.compiler.codegen;

import com.palantir.javapoet.JavaFile;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Generates the Java of a checked spec: the typed record of a trial's parameters and the
 * experiment class. Deterministic: the same spec gives the same bytes.
 */
public final class JavaGenerator {

  /** The generated sources, the class with `main`, and the spec's SHA-256. */
  public record Generated(List<JavaFile> files, String mainClass, String specHash) {
    /** Each source as (binary class name, text). */
    public List<Source> sources() {
      return files.stream()
          .map(f -> new Source(f.packageName() + "." + f.typeSpec().name(), f.toString()))
          .toList();
    }
  }

  public record Source(String className, String text) {}

  /**
   * @param specName how the header names the spec (its file name)
   * @param specText the spec as written; its hash ties runs and jars to it
   */
  public Generated generate(CheckedExperiment experiment, String specName, String specText) {
    JavaNames names = new JavaNames(experiment);
    String hash = sha256(specText);
    ParamTypes types = new ParamTypes(experiment);
    ParamsRecordGenerator params = new ParamsRecordGenerator(experiment, names, types, specName, hash);
    ExperimentClassGenerator main = new ExperimentClassGenerator(experiment, names, types, specName, hash,
        params.className(), maxEpochs(experiment));
    return new Generated(List.of(params.file(), main.file()), main.className().canonicalName(), hash);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The most epochs any trial can train: for hyperband's largest budget. */
  private static int maxEpochs(CheckedExperiment experiment) {
    Value epochs = experiment.train().epochs();
    if (epochs instanceof Value.IntLiteral l) {
      return Math.toIntExact(l.value());
    }
    if (epochs instanceof Value.ParamRef r) {
      for (ParamSpec param : experiment.params()) {
        if (param.name().equals(r.name())) {
          return Math.toIntExact(largest(param.distribution()));
        }
      }
    }
    return 1000;
  }

  private static long largest(Distribution distribution) {
    if (distribution instanceof Distribution.IntRange i) {
      return i.hi();
    }
    if (distribution instanceof Distribution.Choice c) {
      return c.values().stream().mapToLong(v -> ((Number) v).longValue()).max().orElse(1000);
    }
    if (distribution instanceof Distribution.Constant c) {
      return ((Number) c.value()).longValue();
    }
    return 1000;
  }
}
