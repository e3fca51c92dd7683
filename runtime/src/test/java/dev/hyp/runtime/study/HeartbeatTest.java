package dev.hyp.runtime.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.storage.InMemoryStorage;
import dev.hyp.runtime.trial.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  @Test
  void beatsForRunningTrialsSoOtherHostsSeeThemAlive() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    long study = storage.openStudy("s", Direction.MINIMIZE, "").id();
    Instant start = Instant.now().minusSeconds(3600);
    int number = storage.createTrial(study, ParamValues.empty(), "elsewhere", start, Integer.MAX_VALUE).getAsInt();
    Heartbeat heartbeat = new Heartbeat(storage, study, Duration.ofMillis(20));
    heartbeat.started(number);
    AtomicReference<Instant> last = new AtomicReference<>(start);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!last.get().isAfter(start) && System.nanoTime() < deadline) {
      Thread.sleep(10);
      storage.markInterrupted(study, (owner, beat) -> {
        last.set(beat);
        return false;
      });
    }
    heartbeat.finished(number);
    assertTrue(last.get().isAfter(start), "a heartbeat was recorded");
  }

  @Test
  void aSequentialAskAndTellSchedulesTheBeatsOnceAndTheyStopWhenNothingRuns() throws Exception {
    InMemoryStorage storage = new InMemoryStorage();
    long study = storage.openStudy("s", Direction.MINIMIZE, "").id();
    Heartbeat heartbeat = new Heartbeat(storage, study, Duration.ofMillis(20));
    for (int i = 0; i < 100; i++) {
      int number = storage.createTrial(study, ParamValues.empty(), "me", Instant.now(), Integer.MAX_VALUE).getAsInt();
      heartbeat.started(number);
      heartbeat.finished(number);
    }
    assertEquals(1, heartbeat.scheduled(), "scheduled once, not once per trial");
    // the first beat with nothing running stops them: the next trial schedules them again
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (heartbeat.scheduled() == 1 && System.nanoTime() < deadline) {
      Thread.sleep(30);
      int number = storage.createTrial(study, ParamValues.empty(), "me", Instant.now(), Integer.MAX_VALUE).getAsInt();
      heartbeat.started(number);
      heartbeat.finished(number);
    }
    assertEquals(2, heartbeat.scheduled(), "the beats stopped while nothing ran");
  }
}
