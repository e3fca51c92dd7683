package dev.hyp.cli;

import picocli.CommandLine.Command;

/**
 * What every `hyp` command shares, as a picocli mixin: -h and -V (`--help`, `--version`), and
 * the streams and way out of {@link CommandIo}. Public for the tool modules' commands ({@link ToolCommand}).
 */
@Command(mixinStandardHelpOptions = true)
public final class CommonOptions extends CommandIo {}
