package dev.hyp.runtime.dl4j;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replaces this process with another program (POSIX {@code execve}), keeping its pid, its parent,
 * its standard input and output and its place in the terminal's process group. `hyp run` starts
 * again with the JVM options chosen for its data this way ({@link Dl4jEnvironment#relaunchForWork}):
 * a JVM waiting for a child would stay resident for the whole search (about 150 MB, issue 19),
 * and signals and exit codes would have to be passed on; after {@code execve} they are the
 * search's own. Linux only (through JNA, which DL4J already brings); elsewhere, or when the call
 * fails, {@link #exec} returns false and the caller starts a child instead.
 */
final class ProcessReplacement {
  private ProcessReplacement() {}

  /** The C library's calls used here. */
  interface C extends Library {
    int execve(String path, StringArray argv, StringArray envp);

    int fcntl(int fd, int cmd, int arg);

    int sigprocmask(int how, Pointer set, Pointer oldSet);
  }

  private static final int F_SETFD = 2;
  private static final int FD_CLOEXEC = 1;
  private static final int SIG_SETMASK = 2;
  /** Linux's {@code sigset_t}: 1024 bits. */
  private static final int SIGSET_BYTES = 128;

  /**
   * Runs {@code command} (a program's path first) in place of this process with {@code environment};
   * returns only when that is not possible here (then nothing has changed), false.
   */
  static boolean exec(List<String> command, Map<String, String> environment) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return false;
    }
    C c;
    try {
      c = Native.loadLibrary("c", C.class);
    } catch (LinkageError | RuntimeException e) {
      return false; // no JNA for this platform
    }
    System.out.flush();
    System.err.flush();
    closeOnExec(c);
    // this thread's signal mask is inherited: the JVM blocks some signals in its threads
    Memory empty = new Memory(SIGSET_BYTES);
    empty.clear();
    c.sigprocmask(SIG_SETMASK, empty, null);
    String[] argv = command.toArray(String[]::new);
    String[] envp = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    c.execve(argv[0], new StringArray(argv), new StringArray(envp));
    return false; // execve returns only on failure
  }

  /** The new program inherits only standard input, output and error: the JVM's jars and files stay here. */
  private static void closeOnExec(C c) {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      fds.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).mapToInt(Integer::parseInt)
          .filter(fd -> fd > 2).forEach(fd -> c.fcntl(fd, F_SETFD, FD_CLOEXEC));
    } catch (IOException | RuntimeException e) {
      // no /proc: the descriptors stay open in the new program, which does not use them
    }
  }
}
