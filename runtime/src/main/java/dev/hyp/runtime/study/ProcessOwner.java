package dev.hyp.runtime.study;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Identifies the process that runs a trial as {@code host|pid|startMillis}, so that a study
 * opened later can tell a trial whose process died (interrupted) from one that another live
 * process is still running on the same database. On the same host the process table answers at
 * once; a trial owned by another host (or a container with another host name) counts as
 * abandoned once its heartbeat is {@link #STALE_AFTER} old.
 */
public final class ProcessOwner {
  // resolving the host name can be slow where DNS is: do it once
  private static final String HOST = hostName();
  private static final String CURRENT = describe(ProcessHandle.current());

  /** How often a study records that its running trials are alive. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

  /** A trial of another host whose heartbeat is this old is taken as abandoned. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(2);

  private ProcessOwner() {}

  public static String current() {
    return CURRENT;
  }

  /**
   * Whether a RUNNING trial is abandoned: its owner ran on this host and no live process has that
   * pid and start time, or its owner ran elsewhere and its last heartbeat is older than {@link
   * #STALE_AFTER}.
   */
  public static boolean isGone(String owner, Instant lastHeartbeat, Instant now) {
    if (owner == null) {
      return true;
    }
    String[] parts = owner.split("\\|");
    if (parts.length != 3 || !parts[0].equals(HOST)) {
      return lastHeartbeat.plus(STALE_AFTER).isBefore(now);
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
