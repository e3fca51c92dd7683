package dev.hyp.runtime.storage;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.sqlite.SQLiteConfig;

/**
 * Studies in an SQLite file through sqlite-jdbc, safe to share between threads and processes:
 * WAL journal (readers never wait for the writer), every write in a {@code BEGIN IMMEDIATE}
 * transaction (the write lock is taken up front, so two writers can never deadlock on an
 * upgrade), a busy timeout, and on top of it a retry loop so that contention shows up as a short
 * wait, never as "database is locked". Commits are fully synced: a finished trial survives a
 * killed process and a power cut.
 *
 * <p>The SQL is plain apart from the pragmas and {@code BEGIN IMMEDIATE}; a PostgreSQL storage
 * would keep the schema and swap those.
 */
public final class SqliteStorage implements Storage {
  private static final int BUSY_TIMEOUT_MS = 10_000;
  private static final long GIVE_UP_AFTER_MS = 10 * 60_000;
  private static final int SCHEMA_VERSION = 1;

  private final String url;
  private final Connection connection;

  private final boolean readOnly;
  /** The trials' columns as {@link #readTrials} selects them: NULL for one an older file read without writing lacks. */
  private final String trialColumns;

  /** @param jdbcUrl {@code jdbc:sqlite:<file>} */
  public SqliteStorage(String jdbcUrl) {
    this(jdbcUrl, false);
  }

  private SqliteStorage(String jdbcUrl, boolean readOnly) {
    this.url = jdbcUrl;
    this.readOnly = readOnly;
    this.connection = withRetry("open " + jdbcUrl, this::connect);
    if (!readOnly) {
      write(this::createSchema);
    }
    this.trialColumns = read(SqliteStorage::trialColumns);
  }

  /**
   * Opens an existing database only to read it ({@code hyp trials} on someone else's or a
   * read-only run folder). Where its folder cannot be written, SQLite could not even make the
   * files WAL readers need, so it is read as immutable: nobody can be writing it there.
   */
  public static SqliteStorage openForReading(Path file) {
    Path absolute = file.toAbsolutePath();
    boolean writable = absolute.getParent() != null && Files.isWritable(absolute.getParent())
        && Files.isWritable(absolute);
    return writable ? new SqliteStorage("jdbc:sqlite:" + absolute) : openImmutable(absolute);
  }

  /** Reads the file as immutable, writing nothing (not even the columns an older file lacks). */
  static SqliteStorage openImmutable(Path file) {
    return new SqliteStorage("jdbc:sqlite:file:" + file.toAbsolutePath() + "?immutable=1", true);
  }

  /** Opens (creating if needed) the database file, and its directory. */
  public static SqliteStorage open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the directory of " + file, e);
    }
    return new SqliteStorage("jdbc:sqlite:" + file.toAbsolutePath());
  }

  /**
   * Loads SQLite's JDBC driver and native library (extracted from its jar for each JVM) and runs one statement on
   * a database in memory: about 0.1 s of a cold JVM that `hyp run` spends on a thread of its own while the data is
   * read, instead of in the first {@link #open}. Nothing is reported: a failure shows where the study opens.
   */
  public static void loadDriver() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
      s.execute("select 1");
    } catch (SQLException | RuntimeException | LinkageError e) {
      // the study's own open says what is wrong
    }
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    if (readOnly) {
      config.setReadOnly(true);
      return DriverManager.getConnection(url, config.toProperties());
    }
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    return DriverManager.getConnection(url, config.toProperties());
  }

  private Void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE IF NOT EXISTS hyp_schema (version INTEGER NOT NULL)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS studies ("
          + "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, direction TEXT NOT NULL,"
          + " spec_hash TEXT NOT NULL, created_at TEXT NOT NULL)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS trials ("
          + "study_id INTEGER NOT NULL REFERENCES studies(id), number INTEGER NOT NULL,"
          + " state TEXT NOT NULL, params TEXT NOT NULL, value REAL, reason TEXT, owner TEXT,"
          + " started_at TEXT NOT NULL, heartbeat_at TEXT, finished_at TEXT, PRIMARY KEY (study_id, number))");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS intermediate_values ("
          + "study_id INTEGER NOT NULL, number INTEGER NOT NULL, step INTEGER NOT NULL, value REAL,"
          + " PRIMARY KEY (study_id, number, step),"
          + " FOREIGN KEY (study_id, number) REFERENCES trials(study_id, number))");
      addMissingColumns(s);
      try (ResultSet rs = s.executeQuery("SELECT version FROM hyp_schema")) {
        if (!rs.next()) {
          s.executeUpdate("INSERT INTO hyp_schema (version) VALUES (" + SCHEMA_VERSION + ")");
        } else if (rs.getInt(1) != SCHEMA_VERSION) {
          throw new StorageException("database " + url + " has schema version " + rs.getInt(1)
              + "; this hyp reads version " + SCHEMA_VERSION, null);
        }
      }
    }
    return null;
  }

  /** Columns added after the first databases were written: older files gain them (empty) on open. */
  private static void addMissingColumns(Statement s) throws SQLException {
    java.util.Set<String> studyColumns = new java.util.HashSet<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(studies)")) {
      while (rs.next()) {
        studyColumns.add(rs.getString("name"));
      }
    }
    if (!studyColumns.contains("directions")) { // every objective's direction, a JSON array; null in older files
      s.executeUpdate("ALTER TABLE studies ADD COLUMN directions TEXT");
    }
    if (!studyColumns.contains("objectives")) { // every objective's name, a JSON array; null when not known
      s.executeUpdate("ALTER TABLE studies ADD COLUMN objectives TEXT");
    }
    java.util.Set<String> columns = new java.util.HashSet<>();
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(trials)")) {
      while (rs.next()) {
        columns.add(rs.getString("name"));
      }
    }
    if (!columns.contains("heartbeat_at")) {
      s.executeUpdate("ALTER TABLE trials ADD COLUMN heartbeat_at TEXT");
    }
    if (!columns.contains("carried_from")) {
      s.executeUpdate("ALTER TABLE trials ADD COLUMN carried_from TEXT");
    }
    if (!columns.contains("objective_values")) { // several objectives: a JSON array; null for one objective
      s.executeUpdate("ALTER TABLE trials ADD COLUMN objective_values TEXT");
    }
    if (!columns.contains("violation")) { // constraints: above 0 infeasible, null without constraints
      s.executeUpdate("ALTER TABLE trials ADD COLUMN violation REAL");
    }
    if (!columns.contains("validation_loss")) { // one objective: breaks ties (BestTrialOrder); null when not known
      s.executeUpdate("ALTER TABLE trials ADD COLUMN validation_loss REAL");
    }
  }

  /** The columns readTrials selects, in its order; those added after the first files are NULL where missing. */
  private static String trialColumns(Connection c) throws SQLException {
    java.util.Set<String> present = new java.util.HashSet<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(trials)")) {
      while (rs.next()) {
        present.add(rs.getString("name"));
      }
    }
    List<String> columns = new ArrayList<>(List.of("number", "state", "params", "value", "reason", "owner",
        "started_at", "finished_at"));
    for (String added : List.of("carried_from", "objective_values", "violation", "validation_loss")) {
      columns.add(present.contains(added) ? added : "NULL AS " + added);
    }
    return String.join(", ", columns);
  }

  @Override
  public StudyRecord openStudy(String name, Direction direction, String specHash) {
    return openStudy(name, List.of(direction), List.of(), specHash);
  }

  @Override
  public StudyRecord openStudy(String name, List<Direction> directions, List<String> objectives, String specHash) {
    return write(c -> {
      Optional<StudyRecord> found = study(c, name);
      if (found.isPresent()) {
        StudyRecord existing = found.get();
        boolean legacy = storedDirections(c, existing.id()) == null;
        StudyChecks.requireSame(existing, directions, objectives, specHash, legacy);
        if (legacy || existing.objectives().isEmpty() && !objectives.isEmpty()) { // it gains what it lacked
          try (PreparedStatement update = c.prepareStatement(
              "UPDATE studies SET directions = ?, objectives = ? WHERE id = ?")) {
            update.setString(1, StudyObjectivesJson.directions(directions));
            update.setString(2, StudyObjectivesJson.names(objectives));
            update.setLong(3, existing.id());
            update.executeUpdate();
          }
          return new StudyRecord(existing.id(), name, directions.get(0), existing.specHash(), directions, objectives);
        }
        return existing;
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO studies (name, direction, spec_hash, created_at, directions, objectives) VALUES (?, ?, ?, ?, ?, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, name);
        insert.setString(2, directions.get(0).name());
        insert.setString(3, specHash);
        insert.setString(4, Instant.now().toString());
        insert.setString(5, StudyObjectivesJson.directions(directions));
        insert.setString(6, StudyObjectivesJson.names(objectives));
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          return new StudyRecord(keys.getLong(1), name, directions.get(0), specHash, directions, objectives);
        }
      }
    });
  }

  /** The study of that name as stored; directions and names empty where an older hyp did not keep them. */
  private static Optional<StudyRecord> study(Connection c, String name) throws SQLException {
    // `*`: an older file read without writing (immutable) lacks the newer columns
    try (PreparedStatement q = c.prepareStatement("SELECT * FROM studies WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Direction direction = Direction.valueOf(rs.getString("direction"));
        return Optional.of(new StudyRecord(rs.getLong("id"), name, direction, rs.getString("spec_hash"),
            StudyObjectivesJson.readDirections(optionalColumn(rs, "directions")),
            StudyObjectivesJson.readNames(optionalColumn(rs, "objectives"))));
      }
    }
  }

  private static String optionalColumn(ResultSet rs, String column) throws SQLException {
    java.sql.ResultSetMetaData meta = rs.getMetaData();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      if (meta.getColumnName(i).equalsIgnoreCase(column)) {
        return rs.getString(i);
      }
    }
    return null;
  }

  private static String storedDirections(Connection c, long id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT directions FROM studies WHERE id = ?")) {
      q.setLong(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  @Override
  public Optional<StudyRecord> findStudy(String name) {
    return read(c -> study(c, name));
  }

  @Override
  public OptionalInt createTrial(long studyId, ParamValues params, String owner, Instant startedAt, int budget) {
    String json = ParamsJson.write(params);
    return write(c -> {
      int next;
      long counted;
      try (PreparedStatement q = c.prepareStatement("SELECT COALESCE(MAX(number) + 1, 0),"
          + " COALESCE(SUM(CASE WHEN (state = 'FAILED' AND reason = ?) OR carried_from IS NOT NULL"
          + " THEN 0 ELSE 1 END), 0)"
          + " FROM trials WHERE study_id = ?")) {
        q.setString(1, FrozenTrial.INTERRUPTED);
        q.setLong(2, studyId);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          next = rs.getInt(1);
          counted = rs.getLong(2);
        }
      }
      if (counted >= budget) {
        return OptionalInt.empty();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO trials"
          + " (study_id, number, state, params, owner, started_at) VALUES (?, ?, 'RUNNING', ?, ?, ?)")) {
        insert.setLong(1, studyId);
        insert.setInt(2, next);
        insert.setString(3, json);
        insert.setString(4, owner);
        insert.setString(5, startedAt.toString());
        insert.executeUpdate();
      }
      return OptionalInt.of(next);
    });
  }

  @Override
  public void reportIntermediate(long studyId, int number, int step, double value) {
    write(c -> {
      requireRunning(c, studyId, number);
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO intermediate_values"
          + " (study_id, number, step, value) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value")) {
        upsert.setLong(1, studyId);
        upsert.setInt(2, number);
        upsert.setInt(3, step);
        setDouble(upsert, 4, value);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void finishTrial(long studyId, int number, TrialState state, Double value, String reason, Instant finishedAt) {
    write(c -> {
      requireRunning(c, studyId, number);
      finish(c, studyId, number, state, value, reason, finishedAt);
      return null;
    });
  }

  @Override
  public void finishTrial(long studyId, int number, TrialState state, List<Double> values, Double violation,
      String reason, Instant finishedAt) {
    write(c -> {
      requireRunning(c, studyId, number);
      finish(c, studyId, number, state, ValuesJson.firstValue(values), reason, finishedAt);
      try (PreparedStatement u = c.prepareStatement("UPDATE trials SET objective_values = ?, violation = ?"
          + " WHERE study_id = ? AND number = ?")) {
        u.setString(1, ValuesJson.write(values));
        setDouble(u, 2, violation);
        u.setLong(3, studyId);
        u.setInt(4, number);
        u.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void completeTrial(long studyId, int number, double value, Double validationLoss, Instant finishedAt) {
    write(c -> {
      requireRunning(c, studyId, number);
      finish(c, studyId, number, TrialState.COMPLETE, value, null, finishedAt);
      try (PreparedStatement u = c.prepareStatement("UPDATE trials SET validation_loss = ?"
          + " WHERE study_id = ? AND number = ?")) {
        setDouble(u, 1, validationLoss);
        u.setLong(2, studyId);
        u.setInt(3, number);
        u.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public int carryTrial(long studyId, FrozenTrial finished, ParamValues params, String carriedFrom) {
    String json = ParamsJson.write(params);
    return write(c -> {
      int next;
      try (PreparedStatement q = c.prepareStatement(
          "SELECT COALESCE(MAX(number) + 1, 0) FROM trials WHERE study_id = ?")) {
        q.setLong(1, studyId);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          next = rs.getInt(1);
        }
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO trials (study_id, number, state, params,"
          + " value, reason, owner, started_at, finished_at, carried_from, objective_values, violation,"
          + " validation_loss) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setLong(1, studyId);
        insert.setInt(2, next);
        insert.setString(3, finished.state().name());
        insert.setString(4, json);
        setDouble(insert, 5, finished.value());
        insert.setString(6, finished.reason());
        insert.setString(7, finished.owner());
        insert.setString(8, finished.startedAt().toString());
        insert.setString(9, finished.finishedAt() == null ? null : finished.finishedAt().toString());
        insert.setString(10, carriedFrom);
        insert.setString(11, ValuesJson.write(finished.values()));
        setDouble(insert, 12, finished.violation());
        setDouble(insert, 13, finished.validationLoss());
        insert.executeUpdate();
      }
      try (PreparedStatement step = c.prepareStatement(
          "INSERT INTO intermediate_values (study_id, number, step, value) VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<Integer, Double> e : finished.intermediate().entrySet()) {
          step.setLong(1, studyId);
          step.setInt(2, next);
          step.setInt(3, e.getKey());
          setDouble(step, 4, e.getValue());
          step.addBatch();
        }
        step.executeBatch();
      }
      return next;
    });
  }

  @Override
  public List<FrozenTrial> trials(long studyId) {
    return read(c -> readTrials(c, trialColumns, studyId, null));
  }

  @Override
  public FrozenTrial trial(long studyId, int number) {
    List<FrozenTrial> one = read(c -> readTrials(c, trialColumns, studyId, number));
    if (one.isEmpty()) {
      throw new IllegalArgumentException("no trial " + number + " in study " + studyId);
    }
    return one.get(0);
  }

  /** The study's trials in number order, or only trial {@code number} when it is not null. */
  private static List<FrozenTrial> readTrials(Connection c, String columns, long studyId, Integer number)
      throws SQLException {
    String onlyOne = number == null ? "" : " AND number = ?";
    Map<Integer, TreeMap<Integer, Double>> intermediate = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement(
        "SELECT number, step, value FROM intermediate_values WHERE study_id = ?" + onlyOne)) {
      bindStudyAndNumber(q, studyId, number);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          intermediate.computeIfAbsent(rs.getInt(1), n -> new TreeMap<>()).put(rs.getInt(2), getDouble(rs, 3, Double.NaN));
        }
      }
    }
    List<FrozenTrial> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT " + columns + " FROM trials WHERE study_id = ?" + onlyOne
        + " ORDER BY number")) {
      bindStudyAndNumber(q, studyId, number);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          int n = rs.getInt(1);
          String finished = rs.getString(8);
          out.add(new FrozenTrial(n, TrialState.valueOf(rs.getString(2)), ParamsJson.read(rs.getString(3)),
              getDouble(rs, 4, null), rs.getString(5), intermediate.getOrDefault(n, new TreeMap<>()),
              rs.getString(6), Instant.parse(rs.getString(7)), finished == null ? null : Instant.parse(finished),
              rs.getString(9), ValuesJson.read(rs.getString(10)), getDouble(rs, 11, null), getDouble(rs, 12, null)));
        }
      }
    }
    return out;
  }

  private static void bindStudyAndNumber(PreparedStatement q, long studyId, Integer number) throws SQLException {
    q.setLong(1, studyId);
    if (number != null) {
      q.setInt(2, number);
    }
  }

  @Override
  public void heartbeat(long studyId, Collection<Integer> numbers, Instant now) {
    if (numbers.isEmpty()) {
      return;
    }
    write(c -> {
      try (PreparedStatement u = c.prepareStatement("UPDATE trials SET heartbeat_at = ?"
          + " WHERE study_id = ? AND number = ? AND state = 'RUNNING'")) {
        for (int number : numbers) {
          u.setString(1, now.toString());
          u.setLong(2, studyId);
          u.setInt(3, number);
          u.addBatch();
        }
        u.executeBatch();
      }
      return null;
    });
  }

  @Override
  public int markInterrupted(long studyId, BiPredicate<String, Instant> isGone) {
    return write(c -> {
      List<Integer> gone = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement("SELECT number, owner, COALESCE(heartbeat_at, started_at)"
          + " FROM trials WHERE study_id = ? AND state = 'RUNNING'")) {
        q.setLong(1, studyId);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            if (isGone.test(rs.getString(2), Instant.parse(rs.getString(3)))) {
              gone.add(rs.getInt(1));
            }
          }
        }
      }
      for (int number : gone) {
        finish(c, studyId, number, TrialState.FAILED, null, FrozenTrial.INTERRUPTED, Instant.now());
      }
      return gone.size();
    });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StorageException("cannot close " + url, e);
    }
  }

  private static void finish(Connection c, long studyId, int number, TrialState state, Double value, String reason,
      Instant finishedAt) throws SQLException {
    try (PreparedStatement u = c.prepareStatement("UPDATE trials SET state = ?, value = ?, reason = ?,"
        + " finished_at = ? WHERE study_id = ? AND number = ?")) {
      u.setString(1, state.name());
      setDouble(u, 2, value);
      u.setString(3, reason);
      u.setString(4, finishedAt.toString());
      u.setLong(5, studyId);
      u.setInt(6, number);
      u.executeUpdate();
    }
  }

  /** Fails unless the trial is still open: RUNNING, or interrupted while its process lived on. */
  private static void requireRunning(Connection c, long studyId, int number) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT state, reason FROM trials WHERE study_id = ? AND number = ?")) {
      q.setLong(1, studyId);
      q.setInt(2, number);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no trial " + number + " in study " + studyId);
        }
        boolean interrupted = rs.getString(1).equals(TrialState.FAILED.name())
            && FrozenTrial.INTERRUPTED.equals(rs.getString(2));
        if (!rs.getString(1).equals(TrialState.RUNNING.name()) && !interrupted) {
          throw new IllegalStateException("trial " + number + " is already " + rs.getString(1));
        }
      }
    }
  }

  /** SQLite stores NaN as NULL; a null value stays null. */
  private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null || value.isNaN()) {
      s.setNull(index, Types.REAL);
    } else {
      s.setDouble(index, value);
    }
  }

  private static Double getDouble(ResultSet rs, int index, Double ifNull) throws SQLException {
    double v = rs.getDouble(index);
    if (rs.wasNull()) {
      return ifNull;
    }
    return v;
  }

  /** Runs {@code work} in a write transaction that holds the database's write lock from its start. */
  private synchronized <T> T write(SqlWork<T> work) {
    return transaction("BEGIN IMMEDIATE", work);
  }

  /** Runs {@code work} in a read transaction, so all its queries see one snapshot. */
  private synchronized <T> T read(SqlWork<T> work) {
    return transaction("BEGIN", work);
  }

  private <T> T transaction(String begin, SqlWork<T> work) {
    return withRetry("access " + url, () -> {
      try (Statement s = connection.createStatement()) {
        s.execute(begin);
      }
      boolean committed = false;
      try {
        T result = work.run(connection);
        try (Statement s = connection.createStatement()) {
          s.execute("COMMIT");
        }
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollbackQuietly();
        }
      }
    });
  }

  private void rollbackQuietly() {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // the failed statement may already have ended the transaction; nothing is left to undo
    }
  }

  /** Retries while the database is busy or locked by another connection, with growing pauses. */
  private static <T> T withRetry(String what, SqlWork0<T> work) {
    long deadline = System.currentTimeMillis() + GIVE_UP_AFTER_MS;
    long pause = 5;
    while (true) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (!isBusy(e) || System.currentTimeMillis() > deadline) {
          throw new StorageException("cannot " + what + ": " + e.getMessage(), e);
        }
      }
      try {
        Thread.sleep(pause + (long) (Math.random() * pause));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted while waiting to " + what, ie);
      }
      pause = Math.min(500, pause * 2);
    }
  }

  private static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xFF;
    String message = String.valueOf(e.getMessage());
    return primary == 5 || primary == 6 || message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
        || message.contains("database is locked");
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  @FunctionalInterface
  private interface SqlWork0<T> {
    T run() throws SQLException;
  }
}
