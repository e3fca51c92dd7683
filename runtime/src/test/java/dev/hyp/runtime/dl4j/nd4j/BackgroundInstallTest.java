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

  /** A thread about to load a native library waits for the install to end, whatever it threw (its caller is told). */
  @Test
  void awaitDoneWaitsForTheEndAndThrowsNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Boolean> ended = new AtomicReference<>(false);
    BackgroundInstall install = BackgroundInstall.start(() -> {
      release.await();
      ended.set(true);
      throw new UnsatisfiedLinkError("no jnind4jcpu in java.library.path");
    });
    Thread waiter = new Thread(install::awaitDone);
    waiter.start();
    waiter.join(200);
    assertTrue(waiter.isAlive(), "awaitDone returned before the install ended");
    release.countDown();
    waiter.join(10_000);
    assertTrue(!waiter.isAlive() && ended.get(), "awaitDone returns once the install has ended");
    assertThrows(UnsatisfiedLinkError.class, install::await); // the installer is still told
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
