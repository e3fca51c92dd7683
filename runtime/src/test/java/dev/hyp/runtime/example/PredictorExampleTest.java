package dev.hyp.runtime.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Nd4jPatchesExtension;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.predict.CsvPrediction;
import dev.hyp.runtime.predict.Prediction;
import dev.hyp.runtime.predict.Predictor;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example of embedding a model, run as written: the code between the markers below
 * is the README's ```java block of "Using a model from Java", character for character.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class PredictorExampleTest {
  @TempDir
  Path dir;

  record Outcome(Prediction one, List<Prediction> many, CsvPrediction.Result file) {}

  static Outcome example(Path runs) throws IOException {
    // --- README example starts
    Predictor iris = Predictor.load(runs.resolve("iris/best-model.zip"));
    iris.columns(); // [sepal_length, sepal_width, petal_length, petal_width]
    iris.classes(); // [setosa, versicolor, virginica]

    Prediction one = iris.predict(Map.of(
        "sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2));
    String species = one.className();                   // "setosa"
    double confidence = one.probabilities().get(species); // 0.9...

    // a batch at once (faster than row by row); safe from any number of threads
    List<Prediction> many = iris.predict(List.of(
        Map.of("sepal_length", "6.7", "sepal_width", "3.0", "petal_length", "5.2", "petal_width", "2.3"),
        Map.of("sepal_length", 5.9, "sepal_width", 3.0, "petal_length", 4.2, "petal_width", 1.5)));

    // a whole CSV file, streamed: columns found by name, the label (if there) scores the predictions
    CsvPrediction.Result file = iris.predictCsv(runs.resolve("new-flowers.csv"), runs.resolve("predictions.csv"));
    // --- README example ends
    assertTrue(confidence > 0.5 && confidence <= 1, "confidence " + confidence);
    return new Outcome(one, many, file);
  }

  @Test
  void theReadmeExampleRunsOnAModelOfARun() throws Exception {
    Path runs = dir.resolve("runs");
    Path model = Files.createDirectories(runs.resolve("iris")).resolve("best-model.zip");
    Files.copy(trainedIris(), model);
    Files.copy(TestData.resource("iris.csv"), runs.resolve("new-flowers.csv"));

    Outcome outcome = example(runs);

    assertEquals("setosa", outcome.one().className());
    assertEquals("virginica", outcome.many().get(0).className());
    assertEquals(150, outcome.file().rows());
    assertTrue(outcome.file().metrics().get("accuracy") > 0.8, outcome.file().toString());
    assertEquals(151, Files.readAllLines(runs.resolve("predictions.csv")).size());
  }

  @Test
  void theReadmeShowsTheExampleAsItIsHere() throws IOException {
    String source = Files.readString(Path.of("src/test/java/dev/hyp/runtime/example/PredictorExampleTest.java"));
    Matcher example = Pattern.compile("// --- README example starts\n(.*?)\\s*// --- README example ends",
        Pattern.DOTALL).matcher(source);
    assertTrue(example.find());
    String code = example.group(1).stripTrailing().replaceAll("(?m)^    ", "");
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(readme.contains("```java\n" + code + "\n```\n"),
        "README.md's \"Using a model from Java\" should show, in a ```java block:\n" + code);
  }

  /** An iris model trained for real, saved as a run saves it. */
  private Path trainedIris() throws IOException {
    ExperimentData data = TestData.iris();
    TrainResult result = Trainer.train(new NetworkBuilder(2, data.inputShape(), Task.CLASSIFICATION, 3)
            .updater(Updater.ADAM, Map.of("lr", 0.05)).dense(8, Activation.TANH).output(null, Loss.MCXENT, null),
        data, Normalization.STANDARD, "mcxent", TrainOptions.of(10, 16, "accuracy", 2), EpochCallback.NONE);
    Path zip = dir.resolve("trained.zip");
    SavedModel.save(zip, result, data, Map.of());
    return zip;
  }
}
