package dev.hyp.cli;

import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what a run left in its folder, for `hyp trials` and `hyp best`. */
final class RunFolder {
  private RunFolder() {}

  /** The run's description, or null after saying why there is none. */
  static RunInfo info(Path directory, PrintWriter err) {
    try {
      return RunInfo.read(directory);
    } catch (IOException e) {
      err.println("hyp: " + directory + " is not a run folder: no " + RunInfo.FILE
          + " (runs are made by `hyp run` or a compiled jar)");
      return null;
    }
  }

  static List<FrozenTrial> trials(Path directory, RunInfo info) {
    String location = info.storage() != null ? info.storage()
        : directory.resolve(Storages.DEFAULT_FILE).toString();
    if (info.storage() == null && !Files.isRegularFile(Path.of(location))) {
      return List.of();
    }
    try (Storage storage = Storages.openForReading(location)) {
      return storage.findStudy(info.studyName()).map(study -> storage.trials(study.id())).orElse(List.of());
    }
  }
}
