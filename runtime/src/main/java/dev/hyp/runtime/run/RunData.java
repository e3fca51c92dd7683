package dev.hyp.runtime.run;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import java.nio.file.Path;

/**
 * Where an experiment's data is and how it is read: the one place that turns the spec's data
 * section into {@link ExperimentData}, for a search and for a refit alike.
 *
 * @param definition the experiment's data section, task and split
 * @param base the folder the spec's data paths are relative to (the spec's, or `--data-dir`)
 */
record RunData(ExperimentDefinition definition, Path base) {

  /** Reads and splits the data, seeded. @throws dev.hyp.runtime.data.DataException for bad data */
  ExperimentData load(long seed) {
    ExperimentDefinition.DataDefinition data = definition.data();
    if (data.images() != null) {
      return ExperimentData.loadImages(images(data.images()), data.imageTest() == null ? null
          : images(data.imageTest()), data.split(), seed);
    }
    return ExperimentData.load(source(), test(), definition.task(), data.split(), data.image(), seed, data.plan());
  }

  /** The training CSV, or null for an image folder. */
  CsvSource source() {
    return definition.data().source() == null ? null : csv(definition.data().source());
  }

  /** The separate test CSV, or null. */
  CsvSource test() {
    return definition.data().test() == null ? null : csv(definition.data().test());
  }

  /** The training image folder, resolved, or null for a CSV. */
  Path images() {
    return definition.data().images() == null ? null : images(definition.data().images()).folder();
  }

  /** The test image folder, resolved, or null. */
  Path imageTest() {
    return definition.data().imageTest() == null ? null : images(definition.data().imageTest()).folder();
  }

  private ImageFolderSource images(ExperimentDefinition.ImageFolder folder) {
    int[] size = folder.size();
    return new ImageFolderSource(base.resolve(folder.path()).normalize(),
        size == null ? null : new ImageSize(size[0], size[1], size[2]), folder.skipUnreadable());
  }

  private CsvSource csv(ExperimentDefinition.CsvFile file) {
    return new CsvSource(base.resolve(file.path()).normalize(), file.label(), file.header(), file.delimiter());
  }
}
