package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hyp trials`, `best`, `report` and `history` on a run folder with two versions: version 1 ran two
 * trials, version 2 widened `lr`'s range (both carry over) and ran one more.
 */
class VersionedRunFolderTest {
  @TempDir
  static Path dir;
  static Path out;

  static final String SPEC = """
      experiment tiny {
        seed = 1
        data {
          source = csv("t.csv", label = "y")
          split  = holdout(validation = 0.3)
        }
        params {
          lr = loguniform(LOW, 1e-1)
        }
        model {
          updater = sgd(lr = lr)
          dense(units = 4)
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

  static Path spec(String low, int trials) throws IOException {
    Path file = dir.resolve("spec").resolve("tiny.hyp");
    Files.writeString(file, SPEC.replace("LOW", low).replace("TRIALS", String.valueOf(trials)));
    return file;
  }

  @BeforeAll
  static void twoVersions() throws IOException {
    StringBuilder rows = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? "0." + i + ",1,x\n" : "1." + i + ",0,z\n");
    }
    Files.createDirectories(dir.resolve("spec"));
    Files.writeString(dir.resolve("spec").resolve("t.csv"), rows);
    out = dir.resolve("run");
    spec("1e-3", 2);
    // version 1 from a clean git work tree, version 2 from an edit not yet committed
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=hyp", "-c", "user.email=hyp@example.org", "commit", "-q", "-m", "v1");
    CliTest.Run first = CliTest.hyp("run", spec("1e-3", 2).toString(), "--out", out.toString());
    assertEquals(0, first.exit(), first.out() + first.err());
    CliTest.Run second = CliTest.hyp("run", spec("1e-4", 1).toString(), "--out", out.toString());
    assertEquals(0, second.exit(), second.out() + second.err());
    assertTrue(second.out().contains("2 of 2 finished trials carry over"), second.out());
  }

  private static void git(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.resolve("spec").toString()));
    command.addAll(List.of(args));
    try {
      assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor(), command.toString());
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }

  @Test
  void historyHasALinePerVersionWithItsCommitChangeTrialsAndBest() throws IOException {
    CliTest.Run run = CliTest.hyp("history", out.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(3, lines.size(), run.out());
    assertTrue(lines.get(0).matches("version +when +fingerprint +commit +trials +carried +best +change"), lines.get(0));
    assertTrue(lines.get(1).matches("1 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +[0-9a-f]{12} +[0-9a-f]{7} +2 +0 +accuracy "
        + "\\d\\.\\d{4} +first"), lines.get(1));
    assertTrue(lines.get(2).matches("2 +.* +[0-9a-f]{7} dirty +1 +2 +accuracy \\d\\.\\d{4} +the search changed: `lr`"),
        lines.get(2));
    JsonNode history = json("history", out.toString(), "--format", "json");
    assertEquals(2, history.size());
    JsonNode second = history.get(1);
    assertEquals(2, second.get("version").asInt());
    assertEquals(64, second.get("fingerprint").asText().length());
    assertEquals(40, second.get("commit").asText().length());
    assertTrue(second.get("dirty").asBoolean());
    assertFalse(history.get(0).get("dirty").asBoolean());
    assertEquals("search", second.get("edit").asText());
    assertEquals(1, second.get("trials").asInt());
    assertEquals(2, second.get("carried").asInt());
    assertTrue(second.get("best").isNumber());
    assertTrue(second.has("created_at"));
  }

  @Test
  void historyOfSomethingThatIsNotARunFolderIsExitTwo() {
    CliTest.Run run = CliTest.hyp("history", dir.resolve("spec").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("is not a run folder"), run.err());
  }

  @Test
  void diffAgainstTheRunFolderCountsTheTrialsThatCarryOver() throws IOException {
    Path narrowed = dir.resolve("spec").resolve("narrowed.hyp");
    Files.writeString(narrowed, SPEC.replace("LOW", "1e-2").replace("TRIALS", "1"));
    long inside = 0;
    for (JsonNode trial : json("trials", out.toString(), "--format", "json")) {
      inside += trial.get("params").get("lr").asDouble() >= 1e-2 ? 1 : 0;
    }
    CliTest.Run run = CliTest.hyp("diff", narrowed.toString(), "--out", out.toString());
    assertEquals(1, run.exit(), run.err());
    assertEquals("""
        params
          `lr`: loguniform(1e-4, 1e-1) -> loguniform(1e-2, 1e-1), narrowed
        study: new version, %d of 3 finished trials carry over
        """.formatted(inside), run.out());
    JsonNode json = json(1, "diff", narrowed.toString(), "--out", out.toString(), "--format", "json");
    assertEquals(inside, json.get("carried").asLong());
    assertEquals(3, json.get("finished").asInt());
    assertEquals("search", json.get("edit").asText());
    assertEquals("params", json.get("changes").get(0).get("section").asText());
  }

  @Test
  void aReformattedSpecWithMoreTrialsContinuesTheFoldersStudy() throws IOException {
    Path current = dir.resolve("spec").resolve("current.hyp");
    Files.writeString(current, "// reformatted\n" + SPEC.replace("LOW", "1e-4").replace("TRIALS", "5")
        .replace("    ", "  "));
    CliTest.Run run = CliTest.hyp("diff", current.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("budget\n  `trials`: 1 -> 5\nstudy: continues, only the budget changed: `trials`\n", run.out());
  }

  @Test
  void diffAgainstAGitRevisionReadsTheOldTextThroughGit() {
    CliTest.Run run = CliTest.hyp("diff", dir.resolve("spec").resolve("tiny.hyp").toString(), "--rev", "HEAD");
    assertEquals(1, run.exit(), run.err());
    assertEquals("""
        params
          `lr`: loguniform(1e-3, 1e-1) -> loguniform(1e-4, 1e-1), widened
        budget
          `trials`: 2 -> 1
        study: new version: the search changed
        """, run.out());
    CliTest.Run missing = CliTest.hyp("diff", dir.resolve("spec").resolve("tiny.hyp").toString(), "--rev", "nosuch");
    assertEquals(2, missing.exit());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("hyp: git cannot show nosuch:./tiny.hyp"), missing.err());
  }

  @Test
  void diffErrorsAreExitTwo() throws IOException {
    Path spec = dir.resolve("spec").resolve("tiny.hyp");
    CliTest.Run noRun = CliTest.hyp("diff", spec.toString());
    assertEquals(2, noRun.exit());
    assertTrue(noRun.err().startsWith("hyp: no run of `tiny` in "), noRun.err());
    CliTest.Run noFile = CliTest.hyp("diff", spec.toString(), dir.resolve("nope.hyp").toString());
    assertEquals(2, noFile.exit());
    assertTrue(noFile.err().contains("no such file"), noFile.err());
    Path broken = dir.resolve("spec").resolve("broken.hyp");
    Files.writeString(broken, SPEC.replace("LOW", "1e-4").replace("TRIALS", "1").replace("sgd(", "sgdd("));
    CliTest.Run errors = CliTest.hyp("diff", spec.toString(), broken.toString());
    assertEquals(2, errors.exit(), errors.err());
    assertTrue(errors.err().contains("error[HYP") && errors.err().contains("nothing compared"), errors.err());
    CliTest.Run both = CliTest.hyp("diff", spec.toString(), broken.toString(), "--rev", "HEAD");
    assertEquals(2, both.exit());
    assertEquals(1, both.err().lines().count(), both.err());
  }

  private static JsonNode json(int exit, String... args) throws IOException {
    CliTest.Run run = CliTest.hyp(args);
    assertEquals(exit, run.exit(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  private static JsonNode json(String... args) throws IOException {
    CliTest.Run run = CliTest.hyp(args);
    assertEquals(0, run.exit(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void theCurrentVersionIsTheDefaultAndItsCarriedTrialsSayWhereTheyCameFrom() throws IOException {
    JsonNode trials = json("trials", out.toString(), "--format", "json");
    assertEquals(3, trials.size());
    assertEquals(List.of("v1#0", "v1#1"), List.of(trials.get(0).get("carried_from").asText(),
        trials.get(1).get("carried_from").asText()));
    assertTrue(trials.get(2).get("carried_from").isNull());
    assertFalse(trials.get(0).has("version"), "one version: no version field");
    CliTest.Run table = CliTest.hyp("trials", out.toString());
    assertTrue(table.out().startsWith("trial  from  state"), table.out());
    assertTrue(table.out().lines().skip(1).findFirst().orElseThrow().startsWith("0      v1#0  "), table.out());
    CliTest.Run csv = CliTest.hyp("trials", out.toString(), "--format", "csv");
    assertTrue(csv.out().startsWith("number,from,state,accuracy,lr,"), csv.out());
    assertTrue(csv.out().contains("\n2,,complete,"), csv.out());
  }

  @Test
  void anEarlierVersionReadsAsItDidWhenItWasCurrent() throws IOException {
    JsonNode trials = json("trials", out.toString(), "--format", "json", "--version", "1");
    assertEquals(2, trials.size());
    assertFalse(trials.get(0).has("carried_from"), "no carried trial: the output of a run without versions");
    assertFalse(trials.get(0).has("version"));
    CliTest.Run table = CliTest.hyp("trials", out.toString(), "--version", "1");
    assertTrue(table.out().startsWith("trial  state     accuracy  lr"), table.out());
  }

  @Test
  void allListsEveryVersionsTrialsWithTheirVersion() throws IOException {
    JsonNode trials = json("trials", out.toString(), "--format", "json", "--version", "all");
    assertEquals(5, trials.size());
    assertEquals(List.of(1, 1, 2, 2, 2), List.of(trials.get(0).get("version").asInt(), trials.get(1).get("version")
        .asInt(), trials.get(2).get("version").asInt(), trials.get(3).get("version").asInt(),
        trials.get(4).get("version").asInt()));
    assertEquals("v1#1", trials.get(3).get("carried_from").asText());
    CliTest.Run table = CliTest.hyp("trials", out.toString(), "--version", "all");
    assertTrue(table.out().startsWith("version  trial  from  state"), table.out());
    CliTest.Run csv = CliTest.hyp("trials", out.toString(), "--version", "all", "--format", "csv");
    assertTrue(csv.out().startsWith("version,number,from,state,accuracy,lr,"), csv.out());
    assertTrue(csv.out().contains("\n1,0,,complete,") || csv.out().contains("\n1,0,,pruned,"), csv.out());
  }

  @Test
  void aVersionThatDoesNotExistIsOneLineAndExitTwo() {
    for (String bad : List.of("3", "0", "x", "-1")) {
      CliTest.Run run = CliTest.hyp("trials", out.toString(), "--version", bad);
      assertEquals(2, run.exit(), bad + ": " + run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
    assertTrue(CliTest.hyp("trials", out.toString(), "--version", "3").err()
        .contains("no version 3 (its versions: 1 to 2)"));
    CliTest.Run best = CliTest.hyp("best", out.toString(), "--version", "all");
    assertEquals(2, best.exit(), best.err());
    assertEquals("hyp: --version takes a version's number, not `all`\n", best.err());
  }

  @Test
  void bestOfAnEarlierVersionIsItsOwnModel() throws IOException {
    JsonNode first = json("best", out.toString(), "--format", "json", "--version", "1");
    assertTrue(first.get("model").asText().endsWith(Path.of("versions", "1", "best-model.zip").toString()),
        first.toString());
    assertTrue(Files.isRegularFile(Path.of(first.get("model").asText())));
    JsonNode current = json("best", out.toString(), "--format", "json");
    assertEquals(json("best", out.toString(), "--format", "json", "--version", "2"), current);
  }

  @Test
  void theReportOfEveryVersionHasEachTrialOnce() throws IOException {
    Path all = dir.resolve("all.html");
    CliTest.Run run = CliTest.hyp("report", out.toString(), "--version", "all", "-o", all.toString());
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(all);
    assertTrue(html.contains("\"number\":2"), "three trials ran in all");
    assertFalse(html.contains("\"number\":3"), "carried copies are not drawn twice");
    Path first = dir.resolve("first.html");
    assertEquals(0, CliTest.hyp("report", out.toString(), "--version", "1", "-o", first.toString()).exit());
    assertFalse(Files.readString(first).contains("\"number\":2"));
    assertEquals(2, CliTest.hyp("report", out.toString(), "--version", "9").exit());
  }

  @Test
  void theVersionHelpOfTheseCommandsIsDashCapitalVAlone() {
    for (String command : List.of("trials", "best", "report")) {
      CliTest.Run help = CliTest.hyp(command, "--help");
      assertTrue(help.out().contains("  -V  ") && !help.out().contains("-V, --version"), help.out());
      assertTrue(help.out().contains("--version=N"), help.out());
      assertEquals(0, CliTest.hyp(command, "-V").exit());
    }
    assertTrue(CliTest.hyp("--version").out().startsWith("hyp "));
  }
}
