package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * `hyp completion bash|zsh`: a shell completion script for every subcommand and option, tools
 * included, written by picocli's {@link AutoComplete} from the command line as it is built.
 * picocli writes one script for both shells (in zsh it loads through {@code bashcompinit}).
 */
@Command(name = "completion",
    description = {"Print a shell completion script for hyp.",
        "bash: source <(hyp completion bash), or save it in ~/.local/share/bash-completion/completions/hyp",
        "zsh:  source <(hyp completion zsh), e.g. in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
  /** The shells picocli's script serves. */
  enum Shell { bash, zsh }

  @Mixin
  CommonOptions common;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    // one script for both: it checks $ZSH_VERSION itself and loads bashcompinit there
    common.out().print(AutoComplete.bash("hyp", root));
    return common.exit(ExitCode.OK);
  }
}
