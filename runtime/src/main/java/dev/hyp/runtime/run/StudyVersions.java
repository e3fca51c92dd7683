package dev.hyp.runtime.run;

import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.SpecResource;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.FinalModel;
import dev.hyp.runtime.runfolder.GitInfo;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.version.Carry;
import dev.hyp.runtime.version.Edit;
import dev.hyp.runtime.version.EditComparison;
import dev.hyp.runtime.version.SpecMeaning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which version of its study a run continues or starts (docs/language.md, "Editing a spec"): the
 * spec's meaning is compared with the folder's latest version's. The same study continues when
 * only the budget or nothing that matters changed; otherwise a new version starts, in the same
 * folder and database, carrying every finished trial that is a point of the new space (a search
 * edit) or nothing (the meaning changed, or --no-resume). Earlier versions are never touched.
 */
final class StudyVersions {
  /** The version this run works on, its study, and the line that says why (null: nothing to say). */
  record Chosen(Versions.Version version, Study study, String line) {}

  private final Experiment<?> experiment;
  private final Path runDirectory;
  private final Path specDirectory;
  private final Storage storage;
  private final BiFunction<String, String, Study> opener;
  private final Function<Versions.Version, RunInfo> runInfo;

  /**
   * @param opener opens (or creates) the study of a name with a spec hash
   * @param runInfo the run.json of a version
   */
  StudyVersions(Experiment<?> experiment, Path runDirectory, Path specDirectory, Storage storage,
      BiFunction<String, String, Study> opener, Function<Versions.Version, RunInfo> runInfo) {
    this.experiment = experiment;
    this.runDirectory = runDirectory;
    this.specDirectory = specDirectory;
    this.storage = storage;
    this.opener = opener;
    this.runInfo = runInfo;
  }

  Chosen choose(boolean resume) throws IOException {
    Optional<SpecMeaning> now = SpecResource.meaning(experiment.getClass()).map(SpecMeaning::parse);
    String fingerprint = now.map(SpecMeaning::fingerprint).orElse(experiment.definition().specHash());
    Optional<Versions.Version> latest = Versions.latest(runDirectory);
    if (latest.isEmpty()) {
      String name = experiment.definition().name();
      return start(1, name, fingerprint, "first", "", now, List.of(), null, null);
    }
    Versions.Version last = latest.get();
    Edit edit = resume ? compare(last, now, fingerprint) : new Edit(Edit.Kind.MEANING, "--no-resume", List.of());
    if (edit.kind().continues()) {
      Study study = opener.apply(last.study(), last.specHash());
      writeCurrent(last);
      String line = textChanged(last) ? "hyp: version " + last.number() + " continues: "
          + (edit.kind() == Edit.Kind.SAME ? "the spec means the same" : edit.reason()) : null;
      return new Chosen(last, study, line);
    }
    int number = last.number() + 1;
    String studyName = experiment.definition().name() + "@" + number;
    if (edit.kind() == Edit.Kind.SEARCH) {
      return start(number, studyName, fingerprint, "search", edit.reason(), now, finishedTrials(last),
          new Carry(edit, experiment.searchSpace()), last);
    }
    return start(number, studyName, fingerprint, resume ? "meaning" : "no-resume", edit.reason(), now, List.of(),
        null, last);
  }

  private Edit compare(Versions.Version last, Optional<SpecMeaning> now, String fingerprint) throws IOException {
    Optional<String> before = Versions.meaning(runDirectory, last.number());
    if (before.isPresent() && now.isPresent()) {
      return EditComparison.compare(SpecMeaning.parse(before.get()), now.get());
    }
    return last.specHash().equals(fingerprint) || last.specHash().equals(experiment.definition().specHash())
        ? new Edit(Edit.Kind.SAME, "", List.of())
        : new Edit(Edit.Kind.MEANING, "the earlier run kept no record of what its spec meant", List.of());
  }

  private List<FrozenTrial> finishedTrials(Versions.Version last) {
    return storage.findStudy(last.study()).map(s -> storage.trials(s.id())).orElse(List.of()).stream()
        .filter(t -> t.state() != TrialState.RUNNING && !t.isInterrupted()).toList();
  }

  /**
   * A new version: its study opened, the earlier trials that are points of its space carried in
   * (once: a run killed half-way through carries only what is still missing), the best model of
   * the version before moved into that version's folder, then the version recorded.
   */
  private Chosen start(int number, String studyName, String fingerprint, String kind, String reason,
      Optional<SpecMeaning> meaning, List<FrozenTrial> earlier, Carry carry, Versions.Version before)
      throws IOException {
    Study study = opener.apply(studyName, fingerprint);
    int carried = 0;
    if (carry != null) {
      long id = storage.findStudy(studyName).orElseThrow().id();
      Set<String> already = new HashSet<>();
      storage.trials(id).forEach(t -> already.add(t.carriedFrom()));
      for (FrozenTrial trial : earlier) {
        Optional<dev.hyp.runtime.space.ParamValues> values = carry.of(trial);
        if (values.isPresent()) {
          String origin = trial.isCarried() ? trial.carriedFrom() : "v" + before.number() + "#" + trial.number();
          if (!already.contains(origin)) {
            storage.carryTrial(id, trial, values.get(), origin);
          }
          carried++;
        }
      }
    }
    if (before != null) {
      BestModel.moveTo(runDirectory, Versions.folder(runDirectory, before.number()));
      FinalModel.moveTo(runDirectory, Versions.folder(runDirectory, before.number()));
      dev.hyp.runtime.runfolder.FrontModels.moveTo(runDirectory, Versions.folder(runDirectory, before.number()));
    }
    GitInfo git = GitInfo.of(specDirectory);
    Versions.Version version = new Versions.Version(number, studyName, fingerprint, kind, reason, carried,
        Instant.now().toString(), git.commit(), git.dirty());
    Versions.record(runDirectory, version, experiment.definition().specText(), meaning.map(SpecMeaning::toJson)
        .orElse(null), runInfo.apply(version));
    writeCurrent(version);
    String line = before == null ? null : carry != null
        ? "hyp: new version " + number + ": " + reason + "; " + carried + " of " + earlier.size()
            + " finished trials carry over"
        : "hyp: new version " + number + ", nothing carries: " + reason;
    return new Chosen(version, study, line);
  }

  /** The folder's top-level spec.hyp and run.json describe the version being run. */
  private void writeCurrent(Versions.Version version) throws IOException {
    AtomicFiles.write(runDirectory.resolve(Versions.SPEC),
        temporary -> Files.writeString(temporary, experiment.definition().specText(), StandardCharsets.UTF_8));
    runInfo.apply(version).write(runDirectory);
  }

  private boolean textChanged(Versions.Version last) throws IOException {
    return !Versions.spec(runDirectory, last.number()).orElse("").equals(experiment.definition().specText());
  }
}
