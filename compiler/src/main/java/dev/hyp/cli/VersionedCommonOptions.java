package dev.hyp.cli;

import picocli.CommandLine.Option;

/**
 * {@link CommonOptions} for the commands that read a run folder's versions (`trials`, `best`,
 * `report`): their `--version N` picks a version of the spec, so the version help is `-V` alone.
 */
final class VersionedCommonOptions extends CommandIo {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
  boolean version;
}
