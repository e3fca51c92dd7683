package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.report.ParamScale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * `run.json` in a run folder: which study the folder's database holds, so that `hyp trials`
 * and `hyp best` can read a run without its spec, and how the spec declared each parameter, so
 * that `hyp report` draws it as declared ({@code params}: null in a folder written before it).
 * The folder's `run.json` describes its current version; each version keeps its own under
 * {@code versions/N/} ({@link Versions}).
 *
 * @param version the spec's version in this folder (null in a folder written before versions: 1)
 * @param study the name of the version's study in the database (null before versions: the experiment's name)
 * @param seed the run's seed (the spec's or --seed), which a refit uses again (null in older folders)
 * @param dataDirectory the absolute folder the spec's data paths were resolved against (the spec's
 *     folder or --data-dir; null in older folders)
 * @param search what the search strategy runs and why (null before `auto`, and for a strategy that is itself)
 */
public record RunInfo(String experiment, boolean maximize, String metric, String split, String specHash,
    String storage, List<ParamScale> params, Integer version, String study, Long seed, String dataDirectory,
    SearchChoice search) {
  public static final String FILE = "run.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public RunInfo(String experiment, boolean maximize, String metric, String split, String specHash, String storage,
      List<ParamScale> params) {
    this(experiment, maximize, metric, split, specHash, storage, params, null, null);
  }

  public RunInfo(String experiment, boolean maximize, String metric, String split, String specHash, String storage,
      List<ParamScale> params, Integer version, String study) {
    this(experiment, maximize, metric, split, specHash, storage, params, version, study, null, null, null);
  }

  /**
   * What a strategy that chooses (`auto`) chose for this version's space.
   *
   * @param strategy as the spec names it
   * @param runs what it runs, e.g. "gp for the first 250 trials, then cmaes"
   * @param reason why
   */
  public record SearchChoice(String strategy, String runs, String reason) {}

  public void write(Path directory) throws IOException {
    AtomicFiles.write(directory.resolve(FILE), temporary -> JSON.writeValue(temporary.toFile(), this));
  }

  /** The study in the database that holds this version's trials. */
  public String studyName() {
    return study != null ? study : experiment;
  }

  public int versionNumber() {
    return version != null ? version : 1;
  }

  /** @throws NoSuchFileException when the folder holds no run */
  public static RunInfo read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no hyp run here (no " + FILE + ")");
    }
    return JSON.readValue(file.toFile(), RunInfo.class);
  }
}
