package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runs of edited specs (issue 12): each class of edit, what continues, what starts a new
 * version, and exactly which finished trials carry over.
 */
class SpecVersionsTest {
  @TempDir
  Path dir;

  private static final String SPEC = """
      // COMMENT
      experiment tiny {
        description = "DESCRIPTION"
        seed = 1
        data {
          source = csv("DATA", label = "y")
          split  = holdout(validation = 0.3)PREPARE
        }
        params {
          lr  = LR
          act = ACT
        }
        model {
          updater = sgd(lr = lr)
          dense(units = UNITS, activation = act)
          output(activation = softmax, loss = mcxent)
        }
        train {
          epochs = 2
          batch  = 4
        }
        search random {
          trials = TRIALS
        }
        objective = maximize accuracy on validation
      }
      """;

  private String lr = "loguniform(1e-3, 1e-1)";
  private String act = "choice(relu, tanh)";
  private String units = "4";
  private String data = "t.csv";
  private int trials = 6;
  private String prepare = "";

  private Path spec(String comment, String description) throws IOException {
    StringBuilder rows = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1,x\n" : "1." + i + ",0,z\n");
    }
    Files.writeString(dir.resolve("t.csv"), rows);
    Files.writeString(dir.resolve("u.csv"), rows.toString().replace("0.1,", "0.2,"));
    Path file = dir.resolve("tiny.hyp");
    Files.writeString(file, SPEC.replace("COMMENT", comment).replace("DESCRIPTION", description).replace("LR", lr)
        .replace("ACT", act).replace("UNITS", units).replace("DATA", data).replace("TRIALS", String.valueOf(trials))
        .replace("PREPARE", prepare));
    return file;
  }

  private Path spec() throws IOException {
    return spec("a tiny spec", "tiny");
  }

  private CliTest.Run run(Path spec) {
    CliTest.Run run = CliTest.hyp("run", spec.toString(), "--out", dir.resolve("run").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    return run;
  }

  private List<FrozenTrial> study(String name) {
    try (Storage storage = Storages.openForReading(dir.resolve("run/hyp.db").toString())) {
      return storage.findStudy(name).map(s -> storage.trials(s.id())).orElse(List.of());
    }
  }

  @Test
  void formattingCommentsAndTheDescriptionContinueTheStudy() throws IOException {
    run(spec());
    Path reformatted = spec("another comment", "a new description");
    Files.writeString(reformatted, Files.readString(reformatted).replace("  ", "    "));
    CliTest.Run again = run(reformatted);
    assertTrue(again.out().contains("hyp: version 1 continues: the spec means the same"), again.out());
    assertTrue(again.out().contains("hyp: the budget of 6 trials is met"), again.out());
    assertEquals(6, study("tiny").size());
    assertEquals(List.of(), study("tiny@2"));
  }

  @Test
  void raisingTrialsRunsExactlyTheDifference() throws IOException {
    run(spec());
    trials = 9;
    CliTest.Run again = run(spec());
    assertTrue(again.out().contains("hyp: version 1 continues: only the budget changed: `trials`"), again.out());
    assertEquals(9, study("tiny").size());
  }

  @Test
  void narrowingARangeCarriesExactlyTheTrialsInsideIt() throws IOException {
    run(spec());
    List<FrozenTrial> first = study("tiny");
    long inside = first.stream().filter(t -> t.params().getDouble("lr") >= 1e-2).count();
    lr = "loguniform(1e-2, 1e-1)";
    CliTest.Run narrowed = run(spec());
    assertTrue(narrowed.out().contains("hyp: new version 2: the search changed: `lr`; " + inside + " of 6 finished"
        + " trials carry over"), narrowed.out());
    List<FrozenTrial> second = study("tiny@2");
    assertEquals(inside, second.stream().filter(FrozenTrial::isCarried).count());
    assertEquals(6, second.stream().filter(t -> !t.isCarried()).count(), "`trials` counts the new version's own");
    Set<String> origins = new HashSet<>();
    for (FrozenTrial carried : second.stream().filter(FrozenTrial::isCarried).toList()) {
      assertTrue(origins.add(carried.carriedFrom()));
      FrozenTrial source = first.get(Integer.parseInt(carried.carriedFrom().substring("v1#".length())));
      assertEquals(source.params(), carried.params());
      assertEquals(source.value(), carried.value());
      assertTrue(carried.params().getDouble("lr") >= 1e-2);
    }
    JsonNode listed = new ObjectMapper().readTree(CliTest.hyp("trials", dir.resolve("run").toString(), "--format",
        "json").out());
    assertEquals(6 + inside, listed.size(), "hyp trials shows the current version, carried trials included");
    assertEquals(6, study("tiny").size(), "version 1 is untouched");
  }

  @Test
  void addingAChoiceCarriesEveryFinishedTrial() throws IOException {
    run(spec());
    long finished = study("tiny").stream().filter(t -> t.state() != TrialState.FAILED).count();
    act = "choice(relu, tanh, elu)";
    CliTest.Run widened = run(spec());
    assertTrue(widened.out().contains("hyp: new version 2: the search changed: `act`; " + finished + " of "
        + finished + " finished trials carry over"), widened.out());
  }

  @Test
  void aValueThatBecomesAParameterCarriesTheTrialsWhoseValueIsInItsRange() throws IOException {
    run(spec());
    units = "choice(4, 8)"; // the unit count was 4 in every trial: all of them are points of the new space
    Path edited = spec();
    Files.writeString(edited, Files.readString(edited).replace("dense(units = choice(4, 8)", "dense(units = units")
        .replace("act = choice(relu, tanh)", "act = choice(relu, tanh)\n    units = choice(4, 8)"));
    CliTest.Run searched = run(edited);
    assertTrue(searched.out().contains("hyp: new version 2: the search changed: `units`; 6 of 6 finished trials"
        + " carry over"), searched.out());
    assertTrue(study("tiny@2").stream().filter(FrozenTrial::isCarried).allMatch(t -> t.params().getLong("units") == 4));
  }

  @Test
  void changingTheDataOrTheModelsStructureCarriesNothing() throws IOException {
    run(spec());
    data = "u.csv";
    CliTest.Run otherData = run(spec());
    assertTrue(otherData.out().contains("hyp: new version 2, nothing carries: the data changed"), otherData.out());
    units = "8";
    CliTest.Run otherModel = run(spec());
    assertTrue(otherModel.out().contains("hyp: new version 3, nothing carries: the model's structure changed"),
        otherModel.out());
    assertEquals(0, study("tiny@3").stream().filter(FrozenTrial::isCarried).count());
    assertTrue(Files.isRegularFile(dir.resolve("run/versions/1/spec.hyp")));
    assertTrue(Files.readString(dir.resolve("run/versions/2/spec.hyp")).contains("u.csv"));
  }

  @Test
  void changingHowTheTableIsPreparedCarriesNothing() throws IOException {
    run(spec());
    prepare = "\n    missing = median\n    class_weights = balanced";
    CliTest.Run prepared = run(spec());
    assertTrue(prepared.out().contains("hyp: new version 2, nothing carries: the data changed"), prepared.out());
    prepare = "\n    missing = median\n    class_weights = balanced\n    drop = [\"b\"]";
    CliTest.Run dropped = run(spec());
    assertTrue(dropped.out().contains("hyp: new version 3, nothing carries: the data changed"), dropped.out());
    assertEquals(0, study("tiny@3").stream().filter(FrozenTrial::isCarried).count());
  }
}
