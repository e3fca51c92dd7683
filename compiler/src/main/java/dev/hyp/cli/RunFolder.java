package dev.hyp.cli;

import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what a run left in its folder, for `hyp trials`, `hyp best`, `hyp report` and `hyp history`. */
final class RunFolder {
  /** The value of `--version` that selects every version. */
  static final String ALL = "all";

  /** One version of the spec in a run folder: its number and its run.json. */
  record Selected(int number, RunInfo info) {}

  private RunFolder() {}

  /** The run's description, or null after saying why there is none. */
  static RunInfo info(Path directory, PrintWriter err) {
    try {
      return RunInfo.read(directory);
    } catch (IOException e) {
      err.println(notARunFolder(directory));
      return null;
    }
  }

  /**
   * The versions `--version` names: the current one when {@code version} is null (the folder's
   * run.json), version N, or every version for {@code all} when {@code allowAll}; null after
   * saying in one line why not (not a run folder, no such version).
   */
  static List<Selected> select(Path directory, String version, boolean allowAll, PrintWriter err) {
    RunInfo current = info(directory, err);
    if (current == null) {
      return null;
    }
    if (version == null) {
      return List.of(new Selected(current.versionNumber(), current));
    }
    try {
      List<Versions.Version> versions = Versions.all(directory);
      List<Integer> numbers = versions.stream().map(Versions.Version::number).toList();
      if (allowAll && version.equals(ALL)) {
        List<Selected> selected = new ArrayList<>();
        for (int number : numbers) {
          selected.add(new Selected(number, info(directory, number, current)));
        }
        return selected;
      }
      if (!version.matches("[0-9]{1,9}")) {
        err.println("hyp: --version takes a version's number" + (allowAll ? " or `all`" : "") + ", not `"
            + version + "`");
        return null;
      }
      int number = Integer.parseInt(version);
      if (!numbers.contains(number)) {
        err.println("hyp: " + directory + " has no version " + number + " (its versions: " + range(numbers) + ")");
        return null;
      }
      return List.of(new Selected(number, info(directory, number, current)));
    } catch (IOException e) {
      err.println("hyp: cannot read the versions of " + directory + ": " + e.getMessage());
      return null;
    }
  }

  /** Version N's run.json; a folder from before versions keeps version 1's at its top. */
  private static RunInfo info(Path directory, int number, RunInfo current) throws IOException {
    Path folder = Versions.folder(directory, number);
    if (Files.isRegularFile(folder.resolve(RunInfo.FILE))) {
      return RunInfo.read(folder);
    }
    if (number == current.versionNumber()) {
      return current;
    }
    throw new IOException("version " + number + " kept no " + RunInfo.FILE);
  }

  /** Where a version's best.json and model are: the folder's top for the current version, else its own folder. */
  static Path bestFolder(Path directory, Selected version) throws IOException {
    RunInfo current = RunInfo.read(directory);
    return version.number() == current.versionNumber() ? directory : Versions.folder(directory, version.number());
  }

  /**
   * The spec that last ran the folder's current version: the folder's top-level spec.hyp (a
   * version continued after an edit of its budget keeps the latest text there), else the version's own.
   */
  static java.util.Optional<String> currentSpec(Path directory, RunInfo info) throws IOException {
    Path top = directory.resolve(Versions.SPEC);
    if (Files.isRegularFile(top)) {
      return java.util.Optional.of(Files.readString(top, java.nio.charset.StandardCharsets.UTF_8));
    }
    return Versions.spec(directory, info.versionNumber());
  }

  static List<FrozenTrial> trials(Path directory, RunInfo info) {
    return Storages.trialsOf(directory, info.storage(), info.studyName());
  }

  private static String notARunFolder(Path directory) {
    return "hyp: " + directory + " is not a run folder: no " + RunInfo.FILE
        + " (runs are made by `hyp run` or a compiled jar)";
  }

  private static String range(List<Integer> numbers) {
    if (numbers.isEmpty()) {
      return "none";
    }
    int first = numbers.get(0);
    int last = numbers.get(numbers.size() - 1);
    return first == last ? String.valueOf(first) : first + " to " + last;
  }
}
