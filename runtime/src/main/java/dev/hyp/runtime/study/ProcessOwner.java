package dev.hyp.runtime.study;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Identifies the process that runs a trial as {@code host|pid|startMillis}, so that a study
 * opened later can tell a trial whose process died (interrupted) from one that another live
 * process is still running on the same database.
 */
public final class ProcessOwner {
  // resolving the host name can be slow where DNS is: do it once
  private static final String HOST = hostName();
  private static final String CURRENT = describe(ProcessHandle.current());

  private ProcessOwner() {}

  public static String current() {
    return CURRENT;
  }

  /**
   * Whether the owning process is known to be gone: same host, and no live process with that pid
   * and start time. Owners on other hosts are never declared gone, since they cannot be checked.
   */
  public static boolean isGone(String owner) {
    if (owner == null) {
      return true;
    }
    String[] parts = owner.split("\\|");
    if (parts.length != 3 || !parts[0].equals(HOST)) {
      return false;
    }
    long pid;
    try {
      pid = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    return process.isEmpty() || !process.get().isAlive() || !describe(process.get()).equals(owner);
  }

  private static String describe(ProcessHandle process) {
    long start = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    return HOST + "|" + process.pid() + "|" + start;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
