package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** ND4J's start on a thread of its own: the caller gets what it returned, or what it threw, when it is done. */
class BackgroundInstallTest {

  @Test
  void theCallerGetsTheInstallsPatchesFromItsThread() {
    AtomicReference<String> ranOn = new AtomicReference<>();
    Set<Nd4jPatches.Patch> patches = EnumSet.of(Nd4jPatches.Patch.TAD_CACHE);
    BackgroundInstall install = BackgroundInstall.start(() -> {
      ranOn.set(Thread.currentThread().getName());
      return patches;
    });
    assertEquals(patches, install.await());
    assertEquals(BackgroundInstall.THREAD, ranOn.get());
    assertEquals(patches, install.await()); // any number of waits
  }

  @Test
  void whatTheInstallThrewIsRethrownAsItWas() {
    UnsatisfiedLinkError noLibrary = new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
    IllegalStateException badBackend = new IllegalStateException("no ND4J backend");
    assertSame(noLibrary, assertThrows(UnsatisfiedLinkError.class,
        () -> BackgroundInstall.start(() -> { throw noLibrary; }).await()));
    assertSame(badBackend, assertThrows(IllegalStateException.class,
        () -> BackgroundInstall.start(() -> { throw badBackend; }).await()));
  }

  /** No ND4J call may run before the install is done: an interrupt does not end the wait, it is kept. */
  @Test
  void anInterruptDoesNotCutTheWaitShort() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Set<Nd4jPatches.Patch> patches = EnumSet.of(Nd4jPatches.Patch.SHAPE_INFO_CACHE);
    BackgroundInstall install = BackgroundInstall.start(() -> {
      release.await();
      return patches;
    });
    Thread.currentThread().interrupt();
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
    });
    releaser.start();
    try {
      assertEquals(patches, install.await());
      assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    } finally {
      releaser.join();
    }
  }
}
