package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.dl4j.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `encoding = choice(onehot, embedding)` end to end with real training: each trial encodes the
 * table its own way, the embedded trial refits, and its model predicts a CSV with an unseen city
 * and empty cells through `hyp predict`.
 */
class EmbeddedCategoriesRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path spec() throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("id,city,plan,spend,bought\n");
    for (int i = 1; i <= 400; i++) {
      int city = random.nextInt(25);
      String plan = random.nextBoolean() ? "basic" : "pro";
      boolean bought = (city % 3 == 0) != plan.equals("pro") || random.nextInt(20) == 0;
      csv.append(i).append(",c").append(city).append(',').append(random.nextInt(15) == 0 ? "" : plan).append(',')
          .append(random.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.2f", random.nextDouble() * 10))
          .append(',').append(bought ? "yes" : "no").append('\n');
    }
    Files.writeString(dir.resolve("shops.csv"), csv);
    return Files.writeString(dir.resolve("shops.hyp"), """
        experiment shops {
          seed = 4
          data {
            source    = csv("shops.csv", label = "bought")
            split     = holdout(validation = 0.2, test = 0.2)
            normalize = standard
            drop      = ["id"]
            encoding  = enc
            column("city", dim = 4)
          }
          params {
            enc = choice(onehot, embedding)
          }
          model {
            updater = adam(lr = 0.05)
            dense(units = 16, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 6
          }
          search grid {
            trials = 2
          }
          objective = maximize accuracy on validation
        }
        """);
  }

  @Test
  void eachTrialEncodesItsWayAndTheEmbeddedOneRefitsAndPredicts() throws IOException {
    Path spec = spec();
    Path runs = dir.resolve("runs");
    CliTest.Run run = CliTest.hyp("run", spec.toString(), "--out", runs.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    CliTest.Run listed = CliTest.hyp("trials", runs.toString(), "--format", "json");
    assertEquals(0, listed.exit(), listed.err());
    List<String> encodings = new ArrayList<>();
    int embedded = -1;
    for (JsonNode trial : JSON.readTree(listed.out())) {
      assertEquals("complete", trial.path("state").asText(), trial.toString());
      String encoding = trial.path("params").path("enc").asText();
      encodings.add(encoding);
      if (encoding.equals("embedding")) {
        embedded = trial.path("number").asInt();
      }
    }
    assertEquals(List.of("embedding", "onehot"), encodings.stream().sorted().toList());

    CliTest.Run refit = CliTest.hyp("refit", runs.toString(), "--trial", Integer.toString(embedded));
    assertEquals(0, refit.exit(), refit.out() + refit.err());
    Path model = runs.resolve("final-model.zip");
    SavedModel.Metadata metadata = SavedModel.readMetadata(model);
    assertEquals(List.of("city", "plan", "spend"), metadata.featureNames(), "each category is one index feature");
    TableEncoding encoding = (TableEncoding) metadata.rowEncoding();
    assertEquals(List.of(new TableEncoding.Embedded(0, 26, 4), new TableEncoding.Embedded(1, 3, 1)),
        encoding.embeddings(), "the city's `dim`; the plan's two levels by the default rule");

    Path rows = Files.writeString(dir.resolve("new.csv"), "spend,plan,city\n5,pro,c3\n,basic,Atlantis\n1.5,,c7\n");
    Path out = dir.resolve("predicted.csv");
    CliTest.Run predict = CliTest.hyp("predict", model.toString(), rows.toString(), "--output", out.toString());
    assertEquals(0, predict.exit(), predict.out() + predict.err());
    assertTrue(predict.err().contains("1 row has a category the model never saw in training (`city`)"),
        predict.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(4, lines.size(), lines.toString());
  }
}
