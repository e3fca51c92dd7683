package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.FrozenTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a storage from the location a user or generated code gives. */
public final class Storages {
  /** The database file a run keeps in its output directory unless told otherwise. */
  public static final String DEFAULT_FILE = "hyp.db";

  private Storages() {}

  /**
   * @param location {@code memory}, a JDBC URL ({@code jdbc:sqlite:runs/iris/hyp.db}), or a path
   *     to an SQLite file
   */
  public static Storage open(String location) {
    if (location == null || location.isBlank() || location.equals("memory")) {
      return new InMemoryStorage();
    }
    if (location.startsWith("jdbc:sqlite:")) {
      return new SqliteStorage(location);
    }
    if (location.startsWith("jdbc:")) {
      throw new IllegalArgumentException("no storage for `" + location + "` yet; use jdbc:sqlite:<file>");
    }
    return SqliteStorage.open(Path.of(location));
  }

  /** A storage opened only to read what is in it: an SQLite file is never created or written. */
  public static Storage openForReading(String location) {
    if (location.startsWith("jdbc:sqlite:")) {
      return SqliteStorage.openForReading(Path.of(location.substring("jdbc:sqlite:".length())));
    }
    if (location.startsWith("jdbc:") || location.equals("memory")) {
      return open(location);
    }
    return SqliteStorage.openForReading(Path.of(location));
  }

  /** The default storage of a run: {@value #DEFAULT_FILE} in its output directory. */
  public static Storage inOutputDirectory(Path directory) {
    return SqliteStorage.open(directory.resolve(DEFAULT_FILE));
  }

  /**
   * The trials of study {@code study} of a run folder, read only: its own database unless the run
   * named {@code storage}; none when the folder has no database yet or no such study.
   */
  public static List<FrozenTrial> trialsOf(Path directory, String storage, String study) {
    String location = storage != null ? storage : directory.resolve(DEFAULT_FILE).toString();
    if (storage == null && !Files.isRegularFile(Path.of(location))) {
      return List.of();
    }
    try (Storage opened = openForReading(location)) {
      return opened.findStudy(study).map(found -> opened.trials(found.id())).orElse(List.of());
    }
  }
}
