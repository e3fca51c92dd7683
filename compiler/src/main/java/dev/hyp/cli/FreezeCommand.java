package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp freeze RUN_DIR [-o FILE] [--trial N]`: the run's spec with every parameter fixed at a trial's value. */
@Command(name = "freeze",
    description = {"Write the run's spec with every parameter set to the best trial's value (or trial N's) as a "
        + "constant: `hyp run` on it trains that one configuration as one trial, into runs/NAME_frozen.",
        "Without -o the spec is printed; its data paths are relative to where it is written."})
final class FreezeCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the spec (default: print it).")
  Path output;

  @Option(names = "--trial", paramLabel = "N", description = "A complete trial's number (default: the best).")
  Integer trial;

  @Override
  public Integer call() throws IOException {
    ExitCode exit = FrozenSpecWriter.write(directory, trial, output, common.out(), common.err());
    return common.exit(exit);
  }
}
