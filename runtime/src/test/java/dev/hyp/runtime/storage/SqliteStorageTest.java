package dev.hyp.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SqliteStorageTest extends StorageContractTest {
  @Override
  Storage create(Path dir) {
    return SqliteStorage.open(dir.resolve("runs/hyp.db"));
  }

  @Test
  void aDatabaseWrittenBeforeHeartbeatsGainsTheColumnAndKeepsItsTrials() throws Exception {
    Path old = dir.resolve("old/hyp.db");
    java.nio.file.Files.createDirectories(old.getParent());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE hyp_schema (version INTEGER NOT NULL)");
      st.executeUpdate("INSERT INTO hyp_schema VALUES (1)");
      st.executeUpdate("CREATE TABLE studies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
          + " direction TEXT NOT NULL, spec_hash TEXT NOT NULL, created_at TEXT NOT NULL)");
      st.executeUpdate("CREATE TABLE trials (study_id INTEGER NOT NULL REFERENCES studies(id), number INTEGER NOT NULL,"
          + " state TEXT NOT NULL, params TEXT NOT NULL, value REAL, reason TEXT, owner TEXT,"
          + " started_at TEXT NOT NULL, finished_at TEXT, PRIMARY KEY (study_id, number))");
      st.executeUpdate("INSERT INTO studies VALUES (1, 's', 'MAXIMIZE', 'h', '1970-01-01T00:00:00Z')");
      st.executeUpdate("INSERT INTO trials VALUES (1, 0, 'COMPLETE', '{\"x\":0.5}', 0.9, NULL, 'me',"
          + " '1970-01-01T00:00:00Z', '1970-01-01T00:00:01Z')");
    }
    try (Storage reopened = SqliteStorage.open(old)) {
      long s = reopened.openStudy("s", Direction.MAXIMIZE, "h").id();
      assertEquals(0.9, reopened.trial(s, 0).value());
      int next = reopened.createTrial(s, params(), "me", Instant.EPOCH, Integer.MAX_VALUE).getAsInt();
      assertEquals(1, next);
      reopened.heartbeat(s, List.of(next), Instant.EPOCH.plusSeconds(5));
      assertEquals(1, reopened.markInterrupted(s, (owner, lastSeen) -> true));
      assertEquals(2, reopened.trials(s).size());
    }
  }

  /** A database of the hyp before validation losses were kept: every other column, one trial. */
  private static Path beforeValidationLosses(Path file) throws Exception {
    java.nio.file.Files.createDirectories(file.getParent());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE hyp_schema (version INTEGER NOT NULL)");
      st.executeUpdate("INSERT INTO hyp_schema VALUES (1)");
      st.executeUpdate("CREATE TABLE studies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
          + " direction TEXT NOT NULL, spec_hash TEXT NOT NULL, created_at TEXT NOT NULL, directions TEXT,"
          + " objectives TEXT)");
      st.executeUpdate("CREATE TABLE trials (study_id INTEGER NOT NULL REFERENCES studies(id), number INTEGER NOT NULL,"
          + " state TEXT NOT NULL, params TEXT NOT NULL, value REAL, reason TEXT, owner TEXT,"
          + " started_at TEXT NOT NULL, heartbeat_at TEXT, finished_at TEXT, carried_from TEXT,"
          + " objective_values TEXT, violation REAL, PRIMARY KEY (study_id, number))");
      st.executeUpdate("CREATE TABLE intermediate_values (study_id INTEGER NOT NULL, number INTEGER NOT NULL,"
          + " step INTEGER NOT NULL, value REAL, PRIMARY KEY (study_id, number, step))");
      st.executeUpdate("INSERT INTO intermediate_values VALUES (1, 0, 1, 0.9)");
      st.executeUpdate("INSERT INTO studies VALUES (1, 's', 'MAXIMIZE', 'h', '1970-01-01T00:00:00Z', NULL, NULL)");
      st.executeUpdate("INSERT INTO trials VALUES (1, 0, 'COMPLETE', '{\"x\":0.5}', 0.9, NULL, 'me',"
          + " '1970-01-01T00:00:00Z', NULL, '1970-01-01T00:00:01Z', NULL, NULL, NULL)");
    }
    return file;
  }

  @Test
  void aDatabaseWrittenBeforeValidationLossesGainsTheColumnAndKeepsItsTrials() throws Exception {
    Path old = beforeValidationLosses(dir.resolve("old/hyp.db"));
    try (Storage reopened = SqliteStorage.open(old)) {
      long s = reopened.openStudy("s", Direction.MAXIMIZE, "h").id();
      assertEquals(0.9, reopened.trial(s, 0).value());
      assertEquals(null, reopened.trial(s, 0).validationLoss(), "not known: compared as before");
      int next = reopened.createTrial(s, params(), "me", Instant.EPOCH, Integer.MAX_VALUE).getAsInt();
      reopened.completeTrial(s, next, 0.9, 0.2, Instant.EPOCH);
      assertEquals(0.2, reopened.trials(s).get(1).validationLoss());
    }
  }

  @Test
  void aDatabaseWrittenBeforeValidationLossesIsReadWithoutWritingIt() throws Exception {
    Path old = beforeValidationLosses(dir.resolve("old/hyp.db"));
    try (SqliteStorage immutable = SqliteStorage.openImmutable(old)) {
      long s = immutable.findStudy("s").orElseThrow().id();
      FrozenTrial trial = immutable.trials(s).get(0);
      assertEquals(0.9, trial.value());
      assertEquals(null, trial.validationLoss());
      assertEquals(null, immutable.trial(s, 0).validationLoss());
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
        java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(trials)")) {
      while (rs.next()) {
        assertTrue(!rs.getString("name").equals("validation_loss"), "nothing written");
      }
    }
  }

  @Test
  void aStudyStoredWithItsFirstDirectionOnlyOpensAndGainsTheRest() throws Exception {
    Path old = dir.resolve("old/hyp.db");
    java.nio.file.Files.createDirectories(old.getParent());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE hyp_schema (version INTEGER NOT NULL)");
      st.executeUpdate("INSERT INTO hyp_schema VALUES (1)");
      st.executeUpdate("CREATE TABLE studies (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
          + " direction TEXT NOT NULL, spec_hash TEXT NOT NULL, created_at TEXT NOT NULL)");
      st.executeUpdate("INSERT INTO studies VALUES (1, 's', 'MAXIMIZE', 'h', '1970-01-01T00:00:00Z')");
    }
    List<Direction> both = List.of(Direction.MAXIMIZE, Direction.MINIMIZE);
    List<String> names = List.of("accuracy on validation", "params");
    try (Storage reopened = SqliteStorage.open(old)) {
      assertEquals(List.of(Direction.MAXIMIZE), reopened.findStudy("s").orElseThrow().directions());
      assertThrows(StudyMismatchException.class, () -> reopened.openStudy("s", List.of(Direction.MINIMIZE,
          Direction.MINIMIZE), names, "h"), "its first direction is still compared");
      StudyRecord study = reopened.openStudy("s", both, names, "h");
      assertEquals(1, study.id());
      assertEquals(both, study.directions());
    }
    try (Storage again = SqliteStorage.open(old)) {
      assertEquals(names, again.findStudy("s").orElseThrow().objectives(), "kept in the file");
      assertThrows(StudyMismatchException.class, () -> again.openStudy("s",
          List.of(Direction.MAXIMIZE, Direction.MAXIMIZE), names, "h"), "now every direction is compared");
    }
  }

  @Test
  void keepsEverythingAfterTheStorageIsClosedAndOpenedAgain() {
    long s = storage.openStudy("s", Direction.MAXIMIZE, "h").id();
    int n = storage.createTrial(s, params(), "me", Instant.EPOCH, Integer.MAX_VALUE).getAsInt();
    storage.reportIntermediate(s, n, 1, 0.5);
    storage.finishTrial(s, n, TrialState.COMPLETE, 0.9, null, Instant.EPOCH);
    storage.close();
    storage = Storages.open("jdbc:sqlite:" + dir.resolve("runs/hyp.db"));
    StudyRecord again = storage.openStudy("s", Direction.MAXIMIZE, "h");
    assertEquals(s, again.id());
    FrozenTrial t = storage.trial(s, n);
    assertEquals(0.9, t.value());
    assertEquals(params(), t.params());
    assertEquals(0.5, t.intermediate().get(1));
  }

  @Test
  void twoConnectionsRunningOneStudyTogetherNeverLoseOrDuplicateATrial() throws Exception {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (long seed = 0; seed < 2; seed++) {
      long s = seed;
      runs.add(pool.submit(() -> {
        // each connection plays a separate process: its own sampler, its own parallel trials
        try (Storage own = SqliteStorage.open(dir.resolve("runs/hyp.db"))) {
          Study study = Study.builder("shared", space).storage(own)
              .sampler(Samplers.create("tpe", Map.of(), s)).open();
          study.optimize(t -> t.params().getDouble("x"), StudyOptions.trials(30).withParallel(2));
        }
      }));
    }
    for (Future<?> f : runs) {
      f.get();
    }
    pool.shutdown();
    long id = storage.openStudy("shared", Direction.MINIMIZE, "").id();
    List<FrozenTrial> trials = storage.trials(id);
    assertEquals(30, trials.size(), "the budget is shared, not doubled");
    for (int i = 0; i < trials.size(); i++) {
      assertEquals(i, trials.get(i).number());
      assertEquals(TrialState.COMPLETE, trials.get(i).state());
      assertEquals(trials.get(i).params().getDouble("x"), trials.get(i).value());
    }
  }

  @Test
  void opensByLocation() {
    assertTrue(Storages.open("memory") instanceof InMemoryStorage);
    try (Storage file = Storages.open(dir.resolve("other.db").toString())) {
      assertTrue(file instanceof SqliteStorage);
    }
    assertThrows(IllegalArgumentException.class, () -> Storages.open("jdbc:postgresql://localhost/hyp"));
  }
}
