package dev.hyp.cli;

/**
 * A {@code hyp} subcommand that a tool module adds (the language server, the dashboard). The
 * compiler does not depend on its tools: {@link Main} finds them with {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/dev.hyp.cli.ToolCommand} file in the tool's jar), and the launcher
 * puts every tool module on the class path. The implementing class carries picocli's
 * {@code @Command} and uses {@link CommonOptions} like the built-in commands.
 */
public interface ToolCommand {}
