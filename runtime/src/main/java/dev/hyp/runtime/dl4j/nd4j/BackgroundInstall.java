package dev.hyp.runtime.dl4j.nd4j;

import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * ND4J's start (loading libnd4j and OpenBLAS, about a second whatever the data) on a thread of its
 * own, so that a run reads its data meanwhile; {@link #await} waits for it and rethrows what it
 * threw, the same exception, as if the caller had installed the patches itself.
 */
final class BackgroundInstall {
  static final String THREAD = "hyp-nd4j-start";

  private final FutureTask<Set<Nd4jPatches.Patch>> task;

  private BackgroundInstall(Callable<Set<Nd4jPatches.Patch>> install) {
    this.task = new FutureTask<>(install);
  }

  /**
   * Starts {@code install} on a new thread. Not a daemon: ND4J's threads started from it are then
   * what they are when the main thread loads ND4J.
   */
  static BackgroundInstall start(Callable<Set<Nd4jPatches.Patch>> install) {
    BackgroundInstall background = new BackgroundInstall(install);
    new Thread(background.task, THREAD).start();
    return background;
  }

  /** Returns once the install is done, whether it returned or threw; an interrupt is kept, as in {@link #await}. */
  void awaitDone() {
    try {
      await();
    } catch (RuntimeException | Error e) {
      // the one who installs is told, by await
    }
  }

  /**
   * The patches the install put in, once it is done; an interrupt does not cut the wait short (no
   * ND4J call may run before it), it is kept for the caller.
   */
  Set<Nd4jPatches.Patch> await() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
