package dev.hyp.compiler.meaning;

import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Objective;
import dev.hyp.compiler.model.TrainSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a trial's numbers depend on besides the search, as a {@link Json} tree: task, seed,
 * data, model, training and objective. The name, `description` and the spec's file are left out.
 */
final class MeaningJson {
  private MeaningJson() {}

  static Map<String, Object> of(CheckedExperiment experiment) {
    Map<String, Object> json = Json.object(
        "task", experiment.task().name().toLowerCase(Locale.ROOT),
        "seed", experiment.seed(),
        "data", data(experiment.data()),
        "model", ModelJson.of(experiment.model()),
        "train", train(experiment.train()),
        "objective", objective(experiment.objective()));
    // present only with several objectives or with constraints: a single-objective spec's meaning is as it was
    if (experiment.isMultiObjective()) {
      json.put("objectives", experiment.objectives().stream().map(MeaningJson::objective).toList());
    }
    if (!experiment.constraints().isEmpty()) {
      json.put("constraints", experiment.constraints().stream().map(c -> Json.object("measure", c.measure(),
          "split", c.split(), "bound", (Object) c.bound(), "at_most", c.atMost())).toList());
    }
    return json;
  }

  private static Map<String, Object> data(DataSpec data) {
    DataSpec.ImageShape shape = data.shape();
    Map<String, Object> json = Json.object(
        "source", data.images() != null ? images(data.images()) : csv(data.source()),
        "test", data.imageTest() != null ? images(data.imageTest()) : data.test() == null ? null : csv(data.test()),
        "split", split(data.split()),
        "normalize", ValueJson.of(data.normalize()),
        "shape", shape == null || data.images() != null ? null // an image folder's is its source's `size`
            : Json.object("height", shape.height(), "width", shape.width(), "channels", shape.channels()));
    if (!data.preparation().isDefault()) {
      json.put("prepare", preparation(data.preparation())); // absent when default: older meanings stay as they were
    }
    if (!data.defaultEncoding()) {
      json.put("encoding", ValueJson.of(data.encoding())); // the same: absent when `onehot`
    }
    return json;
  }

  /** How the table is prepared; the order of `features` matters (it is the order of the inputs), of `drop` not. */
  private static Map<String, Object> preparation(DataSpec.Preparation p) {
    Map<String, Object> columns = new java.util.TreeMap<>();
    for (DataSpec.Column c : p.columns()) {
      Map<String, Object> column = Json.object("kind", c.kind(), "missing", c.missing(), "indicator", c.indicator());
      if (c.encoding() != null) {
        column.put("encoding", c.encoding());
      }
      if (c.dim() != null) {
        column.put("dim", c.dim());
      }
      columns.put(c.name(), column);
    }
    return Json.object(
        "features", p.features() == null ? null : List.copyOf(p.features()),
        "drop", p.drop().stream().sorted().toList(),
        "missing", p.missing(),
        "indicator", p.indicator(),
        "max_onehot", p.maxOnehot(),
        "columns", columns,
        "class_weights", p.weights() != null ? List.copyOf(p.weights()) : p.classWeights());
  }

  private static Map<String, Object> csv(DataSpec.CsvSource csv) {
    return Json.object("path", csv.path(), "label", csv.label(), "header", csv.header(),
        "delimiter", csv.delimiter());
  }

  /** `{"images": {...}}`: a CSV source's fields stay as they were, so the meaning of CSV specs is unchanged. */
  private static Map<String, Object> images(DataSpec.ImageFolder folder) {
    return Json.object("images", Json.object("path", folder.path(), "size", shape(folder.size()),
        "skip_unreadable", folder.skipUnreadable()));
  }

  private static Map<String, Object> shape(DataSpec.ImageShape shape) {
    return shape == null ? null
        : Json.object("height", shape.height(), "width", shape.width(), "channels", shape.channels());
  }

  private static Map<String, Object> split(DataSpec.Split split) {
    if (split instanceof DataSpec.Holdout h) {
      return Json.object("holdout", Json.object("validation", h.validation(), "test", h.test()));
    } else if (split instanceof DataSpec.KFold k) {
      return Json.object("kfold", Json.object("k", k.folds()));
    }
    return null;
  }

  private static Map<String, Object> train(TrainSpec train) {
    TrainSpec.EarlyStopping stopping = train.earlyStopping();
    return Json.object(
        "epochs", ValueJson.of(train.epochs()),
        "batch", ValueJson.of(train.batch()),
        "early_stopping", stopping == null ? null
            : Json.object("patience", stopping.patience(), "min_delta", stopping.minDelta()),
        "lr_schedule", schedule(train.schedule()));
  }

  private static Map<String, Object> schedule(TrainSpec.Schedule schedule) {
    if (schedule instanceof TrainSpec.StepSchedule s) {
      return Json.object("step", Json.object("every", s.every(), "factor", s.factor()));
    } else if (schedule instanceof TrainSpec.CosineSchedule) {
      return Json.object("cosine", Json.object());
    }
    return null;
  }

  private static Map<String, Object> objective(Objective objective) {
    return Json.object("direction", objective.maximize() ? "maximize" : "minimize",
        "metric", objective.metric(), "split", objective.split());
  }
}
