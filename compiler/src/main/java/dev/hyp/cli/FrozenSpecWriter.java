package dev.hyp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.print.FrozenSpec;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.Refit;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * `hyp freeze` and `hyp best --spec`: the run folder's current spec with every parameter set to a
 * trial's value ({@link FrozenSpec}), formatted canonically, written to a file (atomically) or
 * printed. Its data paths are rewritten to be relative to where it is written.
 */
final class FrozenSpecWriter {
  private FrozenSpecWriter() {}

  /** Freezes trial {@code number} (null: the best) of {@code directory}; returns how it went. */
  static ExitCode write(Path directory, Integer number, Path output, PrintWriter out, PrintWriter err)
      throws IOException {
    RunInfo info = RunFolder.info(directory, err);
    if (info == null) {
      return ExitCode.BAD_INPUT;
    }
    Map<String, Object> params;
    if (number == null) {
      Optional<ObjectNode> best = BestModel.readSummary(directory);
      if (best.isEmpty()) {
        err.println("hyp: no trial of " + directory + " has completed yet, so there is nothing to freeze");
        return ExitCode.ERRORS;
      }
      number = best.get().path("trial").asInt();
    }
    int wanted = number;
    Optional<FrozenTrial> trial = RunFolder.trials(directory, info).stream().filter(t -> t.number() == wanted)
        .findFirst();
    if (trial.isEmpty() || trial.get().state() != TrialState.COMPLETE) {
      err.println("hyp: trial " + wanted + " of " + directory + " cannot be frozen: " + trial.map(t -> "it is "
          + t.state().name().toLowerCase(java.util.Locale.ROOT)).orElse("there is no such trial")
          + "; name a complete trial (`hyp trials " + directory + "`)");
      return ExitCode.BAD_INPUT;
    }
    params = new LinkedHashMap<>(trial.get().params().asMap());
    int version = info.versionNumber();
    Optional<String> text = RunFolder.currentSpec(directory, info);
    Optional<Path> data = Refit.dataDirectory(info, directory);
    if (text.isEmpty() || data.isEmpty()) {
      err.println("hyp: " + directory + " kept no spec for its version " + version + " (or where its data is); "
          + "it was made by an older hyp");
      return ExitCode.BAD_INPUT;
    }
    Compiler compiler = new Compiler();
    ParseResult parsed = compiler.parse(new SourceFile(directory.resolve(Versions.SPEC).toString(), null,
        text.get()));
    if (!parsed.succeeded()) {
      err.println("hyp: the spec kept in " + directory + " no longer parses; nothing frozen");
      return ExitCode.ERRORS;
    }
    Path target = (output != null ? output.toAbsolutePath() : Path.of("").toAbsolutePath().resolve("frozen.hyp"))
        .normalize();
    Path folder = target.getParent();
    String frozen;
    try {
      frozen = FrozenSpec.freeze(text.get(), parsed.experiment(), params,
          path -> folder.relativize(data.get().resolve(path).normalize()).toString().replace('\\', '/'));
    } catch (FrozenSpec.CannotFreezeException e) {
      err.println("hyp: cannot freeze trial " + wanted + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    SourceFile source = new SourceFile(target.toString(), target, frozen);
    ParseResult reparsed = compiler.parse(source);
    CheckResult check = compiler.check(source);
    if (!reparsed.succeeded() || check.hasErrors()) {
      err.print(new DiagnosticRenderer().renderAll(source, check.diagnostics()));
      if (reparsed.succeeded() && CheckCommand.exitCode(check) == ExitCode.BAD_INPUT) {
        err.println("hyp: the frozen spec's data is not where the run read it; nothing written");
        return ExitCode.BAD_INPUT; // the data moved or went, not a fault of the freeze
      }
      throw new IllegalStateException("the frozen spec of trial " + wanted + " does not check");
    }
    String formatted = Formatter.format(frozen, reparsed.experiment(), reparsed.comments());
    if (output == null) {
      out.print(formatted);
      out.flush();
      return ExitCode.OK;
    }
    try {
      AtomicFiles.write(target, temporary -> Files.writeString(temporary, formatted, StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("hyp: cannot write " + output + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()));
      return ExitCode.BAD_INPUT;
    }
    err.println("hyp: trial " + wanted + " of " + directory + " frozen in " + output
        + " (experiment `" + info.experiment() + "_frozen`); `hyp run " + output + "` trains it as one trial");
    return ExitCode.OK;
  }
}
