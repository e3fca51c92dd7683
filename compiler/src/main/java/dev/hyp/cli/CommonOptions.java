package dev.hyp.cli;

import picocli.CommandLine.Command;

/**
 * What every `hyp` command shares, as a picocli mixin: -h and -V (`--help`, `--version`), and
 * the streams and way out of {@link CommandIo}.
 */
@Command(mixinStandardHelpOptions = true)
final class CommonOptions extends CommandIo {}
