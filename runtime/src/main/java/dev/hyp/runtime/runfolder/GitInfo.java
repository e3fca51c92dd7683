package dev.hyp.runtime.runfolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git commit a spec's folder is at and whether its work tree has changes, recorded with
 * each version as W&B and MLflow do; nulls when the folder is not in a repository (or git is
 * missing).
 */
public record GitInfo(String commit, Boolean dirty) {
  private static final GitInfo NONE = new GitInfo(null, null);

  public static GitInfo of(Path folder) {
    String commit = git(folder, "rev-parse", "HEAD");
    if (commit == null || !commit.matches("[0-9a-f]{40}")) {
      return NONE;
    }
    String status = git(folder, "status", "--porcelain", "--", ".");
    return new GitInfo(commit, status == null ? null : !status.isBlank());
  }

  private static String git(Path folder, String... arguments) {
    try {
      List<String> command = new java.util.ArrayList<>(List.of("git", "-C", folder.toString()));
      command.addAll(List.of(arguments));
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      return output;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
