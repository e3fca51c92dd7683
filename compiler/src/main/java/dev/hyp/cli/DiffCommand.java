package dev.hyp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.diff.Change;
import dev.hyp.compiler.diff.MeaningDiff;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.version.Carry;
import dev.hyp.runtime.version.Edit;
import dev.hyp.runtime.version.EditComparison;
import dev.hyp.runtime.version.SpecMeaning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `hyp diff OLD NEW`, `hyp diff FILE` (against the version its run folder last ran) and
 * `hyp diff FILE --rev REV` (against the file in git): what changed as the checked model sees it,
 * by section, then what that means for the study. Exit 0 when the study continues, 1 when the
 * edit starts a new version, 2 when a spec cannot be read or checked.
 */
@Command(name = "diff",
    description = {"Show what changed between two versions of a spec as the checker sees it, and what the edit "
        + "means for the study: it continues, or a new version starts and carries what still fits.",
        "Exit 0 when the meaning is the same (only the budget or nothing changed), 1 when it differs, 2 on errors."})
final class DiffCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "OLD", description = "The old spec, or with no NEW the spec to compare.")
  Path first;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NEW", description = "The new spec.")
  Path second;

  @Option(names = "--rev", paramLabel = "REV", description = "Compare FILE with its text at a git revision.")
  String revision;

  @Option(names = "--out", paramLabel = "DIR",
      description = "The run folder to compare FILE with (default: runs/NAME beside the spec).")
  Path out;

  @Option(names = "--format", defaultValue = "text", converter = OutputFormat.TextOrJson.class,
      completionCandidates = OutputFormat.TextOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  private final Compiler compiler = new Compiler();

  /** The verdict, and how many earlier trials carry over when a run folder told. */
  private record Verdict(Edit edit, String text, Integer carried, Integer finished) {}

  /** A side of the comparison that could not be had: already said why. */
  private static final class Failed extends Exception {
    Failed() {
      super(null, null, false, false);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = common.err();
    if (second != null && (revision != null || out != null) || revision != null && out != null) {
      err.println("hyp: give two specs (OLD NEW), or one spec with --rev REV or --out DIR");
      return common.exit(ExitCode.BAD_INPUT);
    }
    try {
      Verdict verdict;
      List<Change> changes;
      if (second != null) {
        SpecMeaning before = meaning(check(read(first)));
        SpecMeaning now = meaning(check(read(second)));
        changes = MeaningDiff.between(before.root(), now.root());
        verdict = verdict(EditComparison.compare(before, now), null, null);
      } else {
        SourceFile source = read(first);
        CheckedExperiment experiment = check(source);
        SpecMeaning now = meaning(experiment);
        if (revision != null) {
          SpecMeaning before = meaning(check(new SourceFile(first + "@" + revision, source.path(), gitShow())));
          changes = MeaningDiff.between(before.root(), now.root());
          verdict = verdict(EditComparison.compare(before, now), null, null);
        } else {
          Path folder = out != null ? out : source.path().toAbsolutePath().getParent().resolve("runs")
              .resolve(experiment.name());
          Versions.Version latest = latestVersion(folder, experiment.name());
          SpecMeaning before = lastMeaning(folder, latest, source);
          changes = MeaningDiff.between(before.root(), now.root());
          Edit edit = EditComparison.compare(before, now);
          verdict = edit.kind() == Edit.Kind.SEARCH ? carried(edit, folder, experiment, source)
              : verdict(edit, null, null);
        }
      }
      print(changes, verdict);
      return common.exit(verdict.edit().kind().continues() ? ExitCode.OK : ExitCode.ERRORS);
    } catch (Failed failed) {
      return common.exit(ExitCode.BAD_INPUT);
    }
  }

  private SourceFile read(Path path) throws Failed {
    SourceFile source = SpecFiles.read(path, common.err());
    if (source == null) {
      throw new Failed();
    }
    return source;
  }

  /** The checked spec; its errors printed as `hyp check` prints them. */
  private CheckedExperiment check(SourceFile source) throws Failed {
    CheckResult result = compiler.check(source);
    common.err().print(new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    if (result.hasErrors()) {
      common.err().println(source.name() + ": " + CheckCommand.summary(result.diagnostics()) + "; nothing compared");
      throw new Failed();
    }
    return result.experiment();
  }

  private static SpecMeaning meaning(CheckedExperiment experiment) {
    return SpecMeaning.parse(dev.hyp.compiler.meaning.SpecMeaning.of(experiment));
  }

  /** The file's text at the revision, through `git show REV:./NAME` in the file's folder. */
  private String gitShow() throws Failed {
    Path file = first.toAbsolutePath();
    String object = revision + ":./" + file.getFileName();
    try {
      Process git = new ProcessBuilder("git", "-C", file.getParent().toString(), "show", object).start();
      git.getOutputStream().close();
      byte[] text = git.getInputStream().readAllBytes();
      String error = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
        git.destroyForcibly();
        common.err().println("hyp: git cannot show " + object + " in " + file.getParent()
            + (error.isEmpty() ? "" : ": " + error.lines().findFirst().orElse("")));
        throw new Failed();
      }
      return new String(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      common.err().println("hyp: cannot run git to read " + object + ": " + e.getMessage());
      throw new Failed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed();
    }
  }

  private Versions.Version latestVersion(Path folder, String name) throws Failed {
    try {
      Optional<Versions.Version> latest = Versions.latest(folder);
      if (latest.isPresent()) {
        return latest.get();
      }
    } catch (IOException e) {
      common.err().println("hyp: cannot read the versions of " + folder + ": " + e.getMessage());
      throw new Failed();
    }
    common.err().println("hyp: no run of `" + name + "` in " + folder + " to compare with; give OLD NEW, "
        + "--rev REV, or --out DIR");
    throw new Failed();
  }

  /**
   * What the folder's latest version meant: as it recorded it, or, for a folder from before
   * meanings were kept, its spec checked again where the spec is now (its data paths are the spec's).
   */
  private SpecMeaning lastMeaning(Path folder, Versions.Version latest, SourceFile now) throws Failed {
    try {
      Optional<String> meaning = Versions.meaning(folder, latest.number());
      if (meaning.isPresent()) {
        return SpecMeaning.parse(meaning.get());
      }
      Optional<String> spec = Versions.spec(folder, latest.number());
      if (spec.isEmpty()) {
        common.err().println("hyp: version " + latest.number() + " in " + folder + " kept neither its spec nor "
            + "its meaning; give OLD NEW or --rev REV");
        throw new Failed();
      }
      return meaning(check(new SourceFile(folder.resolve(Versions.FOLDER).resolve(String.valueOf(latest.number()))
          .resolve(Versions.SPEC).toString(), now.path(), spec.get())));
    } catch (IOException e) {
      common.err().println("hyp: cannot read version " + latest.number() + " of " + folder + ": " + e.getMessage());
      throw new Failed();
    }
  }

  /** A search edit against a run folder: how many of its latest version's finished trials the new space keeps. */
  private Verdict carried(Edit edit, Path folder, CheckedExperiment experiment, SourceFile source) throws Failed {
    RunInfo info = RunFolder.info(folder, common.err());
    if (info == null) {
      throw new Failed();
    }
    List<FrozenTrial> finished = RunFolder.trials(folder, info).stream()
        .filter(t -> t.state() != TrialState.RUNNING && !t.isInterrupted()).toList();
    if (finished.isEmpty()) {
      return verdict(edit, null, null);
    }
    Carry carry;
    try {
      carry = new Carry(edit, compiler.load(compiler.build(experiment, source)).searchSpace());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the compiled experiment could not be loaded", e);
    }
    int carried = (int) finished.stream().filter(t -> carry.of(t).isPresent()).count();
    return verdict(edit, carried, finished.size());
  }

  private static Verdict verdict(Edit edit, Integer carried, Integer finished) {
    String text = switch (edit.kind()) {
      case SAME -> "continues";
      case BUDGET -> "continues, " + edit.reason();
      case SEARCH -> carried == null ? "new version: the search changed"
          : "new version, " + carried + " of " + finished + " finished trials carry over";
      case MEANING -> "new version, nothing carries: " + edit.reason();
    };
    return new Verdict(edit, text, carried, finished);
  }

  private void print(List<Change> changes, Verdict verdict) {
    PrintWriter out = common.out();
    if (format == OutputFormat.json) {
      Map<String, Object> document = new LinkedHashMap<>();
      List<Map<String, Object>> list = new ArrayList<>();
      for (Change change : changes) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("section", change.section());
        entry.put("subject", change.subject());
        entry.put("change", change.text());
        list.add(entry);
      }
      document.put("changes", list);
      document.put("edit", verdict.edit().kind().name().toLowerCase(Locale.ROOT));
      document.put("verdict", verdict.text());
      if (verdict.carried() != null) {
        document.put("carried", verdict.carried());
        document.put("finished", verdict.finished());
      }
      try {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    if (changes.isEmpty()) {
      out.println("no change in what the spec means");
    }
    String section = null;
    for (Change change : changes) {
      if (!change.section().equals(section)) {
        section = change.section();
        out.println(section);
      }
      out.println("  " + change.line());
    }
    out.println("study: " + verdict.text());
  }
}
