package dev.hyp.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.dl4j.Nd4jPatchesExtension;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.PredictCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * `predict MODEL.zip DATA.csv [-o OUT.csv] [--proba]` as a user sees it: the predictions on the
 * standard output or in OUT.csv, one line about the ignored columns and one with the metrics on
 * the standard error, and each mistake one line with exit 2 and nothing written.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class PredictCommandTest {
  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  static Run predict(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PredictCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void predictionsGoToTheStandardOutputAndTheMetricsToTheStandardError() throws Exception {
    TrainedModels.Trained iris = TrainedModels.iris();
    int[] test = iris.testRows();
    Path data = write("iris.csv", iris.csv(test, List.of("species", "petal_width", "id", "petal_length",
        "sepal_width", "sepal_length")));
    Run run = predict(iris.zip().toString(), data.toString());
    assertEquals(0, run.exit(), run.err());
    Path out = dir.resolve("out.csv");
    Predictor.load(iris.zip()).predictCsv(data, out);
    assertEquals(Files.readString(out), run.out());
    String[] lines = run.err().split("\n");
    assertEquals(2, lines.length, run.err());
    assertEquals("hyp: ignored columns (not features of the model): `species` (the label: it scores the "
        + "predictions), `id`", lines[0]);
    assertEquals(String.format(java.util.Locale.ROOT, "hyp: against `species` (%d rows): accuracy %.4f  f1 %.4f  "
            + "precision %.4f  recall %.4f", test.length, iris.result().test().get("accuracy"),
        iris.result().test().get("f1"), iris.result().test().get("precision"), iris.result().test().get("recall")),
        lines[1]);

    Path file = dir.resolve("deep/er/predictions.csv");
    Run toFile = predict(iris.zip().toString(), data.toString(), "-o", file.toString(), "--proba");
    assertEquals(0, toFile.exit(), toFile.err());
    assertEquals("", toFile.out());
    assertTrue(toFile.err().endsWith("hyp: " + test.length + " predictions written to " + file + "\n"), toFile.err());
    assertTrue(Files.readString(file).startsWith("prediction,p_setosa,p_versicolor,p_virginica\n"));
  }

  @Test
  void anotherDelimiterIsNamedWithDelimiter() throws Exception {
    TrainedModels.Trained iris = TrainedModels.iris();
    String csv = iris.csv(iris.testRows(), List.of("sepal_length", "sepal_width", "petal_length", "petal_width"));
    Path commas = write("commas.csv", csv);
    Path semicolons = write("semicolons.csv", csv.replace(',', ';'));
    Run expected = predict(iris.zip().toString(), commas.toString());
    Run run = predict(iris.zip().toString(), semicolons.toString(), "--delimiter", ";");
    assertEquals(0, run.exit(), run.err());
    assertEquals(expected.out(), run.out());
    assertEquals("", run.err());
    assertEquals(ExitCode.BAD_INPUT.code(), predict(iris.zip().toString(), commas.toString(), "--delimiter", ";;")
        .exit());
    Run empty = predict(iris.zip().toString(), commas.toString(), "--delimiter", "");
    assertEquals(ExitCode.BAD_INPUT.code(), empty.exit());
    assertTrue(empty.err().startsWith("Invalid value for option '--delimiter': give one character, such as `;`"),
        empty.err()); // in words, not a Java exception's name
  }

  /** Each mistake: exit 2, one line on the standard error that starts with `hyp: `, nothing on the standard output. */
  private Run refused(String... args) {
    Run run = predict(args);
    assertEquals(ExitCode.BAD_INPUT.code(), run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("hyp: "), run.err());
    return run;
  }

  @Test
  void eachMistakeIsOneLineWithExitTwoAndNoOutputFile() throws Exception {
    String model = TrainedModels.iris().zip().toString();
    Path out = dir.resolve("out.csv");
    String header = "sepal_length,sepal_width,petal_length,petal_width\n";
    Path missing = write("missing.csv", "sepal_length,sepal_width,petal_length\n5,3,1\n");
    assertEquals("hyp: " + missing + ": row 1, column `petal_width`: the model needs this column and the header has "
        + "none of that name\n", refused(model, missing.toString(), "-o", out.toString()).err());
    Path renamed = write("renamed.csv", "sepal_length,sepal_width,petal_length,petal_w\n5,3,1,0.2\n");
    assertEquals("hyp: " + renamed + ": row 1, column `petal_width`: the model needs this column and the header has "
        + "none of that name; the header's columns the model does not know: `petal_w` (renamed?)\n",
        refused(model, renamed.toString(), "-o", out.toString()).err());
    Path text = write("text.csv", header + "5,3,1,0.2\n5,3,1,wide\n");
    assertEquals("hyp: " + text + ": row 3, column `petal_width`: `wide` is not a number\n",
        refused(model, text.toString(), "-o", out.toString()).err());
    assertEquals("hyp: " + text + ": row 3, column `petal_width`: `wide` is not a number\n",
        refused(model, text.toString()).err(), "nothing on the standard output either");
    Path empty = write("empty.csv", "");
    assertEquals("hyp: " + empty + ": the file is empty; it needs a header and rows\n",
        refused(model, empty.toString(), "-o", out.toString()).err());
    Path noData = dir.resolve("no-such.csv");
    assertEquals("hyp: " + noData + ": no such file\n", refused(model, noData.toString(), "-o", out.toString()).err());
    assertFalse(Files.exists(out));

    Path notZip = write("model.zip", header);
    assertEquals("hyp: " + notZip + ": not a model saved by hyp: not a zip file\n",
        refused(notZip.toString(), text.toString()).err());
    Path otherZip = dir.resolve("other.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
      zip.putNextEntry(new ZipEntry("coefficients.bin"));
    }
    assertEquals("hyp: " + otherZip + ": not a model saved by hyp: the zip has no hyp-model.json\n",
        refused(otherZip.toString(), text.toString()).err());
    Path noModel = dir.resolve("best-model.zip");
    assertEquals("hyp: " + noModel + ": no such file\n", refused(noModel.toString(), text.toString()).err());

    String regression = TrainedModels.friedman().zip().toString();
    assertEquals("hyp: --proba: " + regression + " is a regression model; it has no class probabilities\n",
        refused(regression, text.toString(), "--proba").err());
    assertFalse(Files.exists(out));
  }
}
