package dev.hyp.runtime.bench.peer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer's Python: it must import torch, optuna, sklearn and pandas (the load case's); Debian's packages are
 * installed when allowed.
 */
final class PythonPeer {
  static final List<String> PACKAGES = List.of("python3-torch", "python3-optuna", "python3-sklearn",
      "python3-pandas");

  private PythonPeer() {}

  /** Null when {@code python} is ready (after installing what was missing, if allowed); else why not. */
  static String ensure(Path python, boolean install, PrintWriter out) {
    if (imports(python)) {
      return null;
    }
    if (!install) {
      return python + " cannot import torch, optuna, sklearn and pandas; install " + String.join(", ", PACKAGES)
          + " (apt-get), or leave out --no-install";
    }
    out.println("hyp bench peer: " + python + " cannot import torch, optuna, sklearn and pandas; installing "
        + String.join(" ", PACKAGES) + " with apt-get");
    out.flush();
    if (!succeeds(List.of("apt-get", "update", "-qq"))
        || !succeeds(install())) {
      return "apt-get could not install " + String.join(", ", PACKAGES) + "; install them, or run with --peer none";
    }
    return imports(python) ? null : python + " still cannot import torch, optuna, sklearn and pandas after apt-get";
  }

  private static List<String> install() {
    List<String> command = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
    command.addAll(PACKAGES);
    return command;
  }

  private static boolean imports(Path python) {
    return Files.isExecutable(python) && succeeds(List.of(python.toString(), "-c", "import torch, optuna, sklearn, pandas"));
  }

  private static boolean succeeds(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroy();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
