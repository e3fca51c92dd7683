package dev.hyp.runtime.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessOwnerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void thisProcessIsAlive() {
    assertFalse(ProcessOwner.isGone(ProcessOwner.current(), Instant.EPOCH, NOW), "even without a heartbeat");
  }

  @Test
  void aDeadProcessOnThisHostIsGoneAtOnce() throws Exception {
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    String host = ProcessOwner.current().split("\\|")[0];
    assertTrue(ProcessOwner.isGone(host + "|" + p.pid() + "|0", NOW, NOW));
  }

  @Test
  void anotherHostsTrialIsGoneOnlyOnceItsHeartbeatIsStale() {
    String remote = "some-other-host|123|456";
    assertFalse(ProcessOwner.isGone(remote, NOW.minusSeconds(30), NOW));
    assertTrue(ProcessOwner.isGone(remote, NOW.minus(ProcessOwner.STALE_AFTER).minusSeconds(1), NOW));
  }
}
