package dev.hyp.runtime.run;

import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.predict.CsvPrediction;
import dev.hyp.runtime.predict.ModelFileException;
import dev.hyp.runtime.predict.Predictor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `predict MODEL.zip DATA.csv [-o OUT.csv] [--proba]`: of `hyp` and of every compiled jar, so a
 * deployed jar predicts without hyp. Predictions go to OUT.csv, or to the standard output once
 * every row has been predicted; what the command says about them goes to the standard error.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Predict every row of a CSV file with a saved model.",
        "%nThe model is a run folder's best-model.zip or final-model.zip. The file's header names the columns: "
            + "the model's are found by name, others are ignored, and the label column, when there, scores the "
            + "predictions."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every row predicted", "2:usage error, a missing or unusable model, bad data (with its row)"},
    footer = "%nThe output has one row per data row, in order: `prediction` (the class, or the value) and, with "
        + "--proba, `p_CLASS` for each class. Nothing is written when a row is bad.")
public final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.zip",
      description = "A model hyp saved, such as runs/iris/best-model.zip.")
  Path model;

  @Parameters(index = "1", paramLabel = "DATA.csv", description = "The rows to predict, with a header.")
  Path data;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv",
      description = "Where the predictions go (default: the standard output).")
  Path output;

  @Option(names = "--proba", description = "Also write each class's probability (classification).")
  boolean probabilities;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", converter = OneCharacter.class,
      description = "The cell delimiter of DATA.csv (default: ${DEFAULT-VALUE}); the output is comma-separated.")
  char delimiter;

  /**
   * `java -cp ... dev.hyp.runtime.run.PredictCommand MODEL.zip DATA.csv`: the command on its own,
   * for a classpath that has the runtime but no compiled experiment.
   */
  public static void main(String[] args) {
    System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
  }

  /** The command as a command line of its own, with hyp's exit codes. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new PredictCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
      err.println("hyp: predict failed: " + exception + " (a bug in hyp; HYP_DEBUG=1 shows where)");
      if (System.getenv("HYP_DEBUG") != null) {
        exception.printStackTrace(err);
      }
      return ExitCode.INTERNAL.code();
    });
    return ExitCode.install(commandLine);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return predict(out, err).code();
    } finally {
      out.flush();
      err.flush();
    }
  }

  private ExitCode predict(PrintWriter out, PrintWriter err) {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()); // before anything loads ND4J
    Predictor predictor;
    try {
      predictor = Predictor.load(model);
    } catch (ModelFileException e) {
      err.println("hyp: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (IOException e) {
      err.println("hyp: cannot read " + model + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (probabilities && predictor.task() != Task.CLASSIFICATION) {
      err.println("hyp: --proba: " + model + " is a regression model; it has no class probabilities");
      return ExitCode.BAD_INPUT;
    }
    CsvPrediction.Options options = CsvPrediction.Options.DEFAULTS.withProbabilities(probabilities)
        .withDelimiter(delimiter);
    Path target = output;
    try {
      if (output == null) {
        target = Files.createTempFile("hyp-predict-", ".csv");
      }
      CsvPrediction.Result result = predictor.predictCsv(data, target, options);
      if (output == null) {
        try (Reader predictions = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
          predictions.transferTo(out);
        }
        out.flush();
      }
      report(result, predictor, err);
      return ExitCode.OK;
    } catch (DataException e) {
      err.println("hyp: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    } catch (IOException e) {
      err.println("hyp: cannot write " + (output == null ? "the predictions" : output) + ": "
          + ExperimentRun.reason(e));
      return ExitCode.BAD_INPUT;
    } finally {
      if (output == null && target != null) {
        try {
          Files.deleteIfExists(target);
        } catch (IOException e) {
          // a file in the temporary folder; the system cleans it
        }
      }
    }
  }

  private void report(CsvPrediction.Result result, Predictor predictor, PrintWriter err) {
    if (!result.unused().isEmpty()) {
      err.println("hyp: ignored columns (not features of the model): " + result.unused().stream()
          .map(name -> "`" + name + "`" + (name.equals(predictor.label()) ? " (the label: it scores the predictions)"
              : ""))
          .collect(Collectors.joining(", ")));
    }
    if (result.unseenRows() > 0) {
      err.println("hyp: " + result.unseenRows() + " row" + (result.unseenRows() == 1 ? " has" : "s have")
          + " a category the model never saw in training (" + result.unseenColumns().stream()
          .map(name -> "`" + name + "`").collect(Collectors.joining(", "))
          + "); encoded as unseen: the column's `other` slot, no slot, or its embedding's reserved row");
    }
    if (!result.metrics().isEmpty()) {
      err.println("hyp: against `" + predictor.label() + "` (" + result.rows() + " rows): " + pairs(result.metrics()));
    }
    if (output != null) {
      err.println("hyp: " + result.rows() + " predictions written to " + output);
    }
  }

  private static String pairs(Map<String, Double> metrics) {
    return metrics.entrySet().stream()
        .map(m -> m.getKey() + " " + String.format(Locale.ROOT, "%.4f", m.getValue()))
        .collect(Collectors.joining("  "));
  }

  /** A delimiter is one character; picocli's own message for "" would name a Java exception. */
  static final class OneCharacter implements picocli.CommandLine.ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      if (value.length() != 1) {
        throw new picocli.CommandLine.TypeConversionException("give one character, such as `;`, not `" + value + "`");
      }
      return value.charAt(0);
    }
  }
}
