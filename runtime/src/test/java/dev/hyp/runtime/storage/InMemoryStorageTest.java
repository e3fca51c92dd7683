package dev.hyp.runtime.storage;

import java.nio.file.Path;

class InMemoryStorageTest extends StorageContractTest {
  @Override
  Storage create(Path dir) {
    return new InMemoryStorage();
  }
}
