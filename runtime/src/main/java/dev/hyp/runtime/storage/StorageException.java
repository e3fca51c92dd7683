package dev.hyp.runtime.storage;

/** A database error that retrying did not cure. */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
