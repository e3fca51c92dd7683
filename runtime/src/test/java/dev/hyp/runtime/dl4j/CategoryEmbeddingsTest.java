package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.predict.CsvPrediction;
import dev.hyp.runtime.predict.Predictor;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Categories learned as embeddings: the layer's arithmetic, and a table through training, saving and prediction. */
@ExtendWith(Nd4jPatchesExtension.class)
class CategoryEmbeddingsTest {
  @TempDir
  Path dir;

  private static final List<TableEncoding.Embedded> TWO = List.of(new TableEncoding.Embedded(1, 4, 3),
      new TableEncoding.Embedded(3, 3, 2));

  /** 5 inputs [x0, city, x2, plan, x4] -> [x0, c1 c2 c3, x2, p1 p2, x4]. */
  private static MultiLayerNetwork network(DataType type, boolean sgd) {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(type)
        .weightInit(WeightInit.XAVIER).updater(sgd ? new org.nd4j.linalg.learning.config.Sgd(0.1) : new NoOp())
        .list()
        .layer(new CategoryEmbeddings(5, TWO))
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(5))
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  @Test
  void eachIndexReadsItsRowOfItsTableAndTheOtherFeaturesPassThrough() {
    MultiLayerNetwork net = network(DataType.FLOAT, false);
    INDArray x = Nd4j.create(new float[][] {{0.5f, 2, -1, 1, 7}, {1.5f, 0, 2, 2, 8}, {2.5f, 9, 3, 0, 9}});
    INDArray out = net.feedForward(x, false).get(1);
    assertEquals(5 - 2 + 3 + 2, out.size(1));
    INDArray city = net.getLayer(0).getParam("E0");
    INDArray plan = net.getLayer(0).getParam("E1");
    assertEquals(List.of(4L, 3L), List.of(city.size(0), plan.size(0)));
    assertArrayEquals(new float[] {0.5f}, out.get(row(0), cols(0, 1)).toFloatVector());
    assertArrayEquals(city.getRow(2).toFloatVector(), out.get(row(0), cols(1, 4)).toFloatVector());
    assertArrayEquals(new float[] {-1}, out.get(row(0), cols(4, 5)).toFloatVector());
    assertArrayEquals(plan.getRow(1).toFloatVector(), out.get(row(0), cols(5, 7)).toFloatVector());
    assertArrayEquals(new float[] {7}, out.get(row(0), cols(7, 8)).toFloatVector());
    assertArrayEquals(new float[] {0, 0, 0}, out.get(row(1), cols(1, 4)).toFloatVector(), "row 0 starts at zero");
    assertArrayEquals(new float[] {0, 0, 0}, out.get(row(2), cols(1, 4)).toFloatVector(),
        "an index past the table reads the reserved row");
    assertNotEquals(0f, city.getRow(1).norm2Number().floatValue(), "the levels' rows start from the weight init");
  }

  @Test
  void theGradientOfEachTableIsTheNumericOne() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      MultiLayerNetwork net = network(DataType.DOUBLE, false);
      INDArray x = Nd4j.create(new double[][] {{0.5, 2, -1, 1, 7}, {1.5, 1, 2, 2, 0.1}, {-0.5, 2, 3, 2, 1},
          {0.2, 3, 0.3, 0, -1}});
      INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
      assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
          .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)));
    } finally {
      Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex row(int i) {
    return org.nd4j.linalg.indexing.NDArrayIndex.point(i);
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex cols(int from, int to) {
    return org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to);
  }

  /** A table whose class depends on a 30-level city and a plan, with empty cells. */
  private Path shops(int rows) throws IOException {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder("id,city,plan,spend,bought\n");
    for (int i = 1; i <= rows; i++) {
      int city = random.nextInt(30);
      String plan = random.nextBoolean() ? "basic" : "pro";
      double spend = random.nextDouble() * 10;
      boolean bought = (city % 3 == 0) != plan.equals("pro") || random.nextInt(20) == 0;
      csv.append(i).append(",c").append(city).append(',').append(random.nextInt(15) == 0 ? "" : plan).append(',')
          .append(random.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.2f", spend)).append(',')
          .append(bought ? "yes" : "no").append('\n');
    }
    return Files.writeString(dir.resolve("shops.csv"), csv);
  }

  private static NetworkBuilder builder(InputShape input) {
    return new NetworkBuilder(3, input, Task.CLASSIFICATION, 2).updater(Updater.ADAM, Map.of("lr", 0.05))
        .dense(16, Activation.RELU).output(null, Loss.MCXENT, null);
  }

  @Test
  void aColumnsOwnEmbeddingHoldsWhenTheTrialEncodesOneHot() throws IOException {
    DataPlan plan = new DataPlan(null, List.of("id"), Missing.MEAN, false, 20,
        Map.of("city", new DataPlan.ColumnPlan(null, null, null, CategoryEncoding.EMBEDDING, null)), ClassWeights.NONE);
    ExperimentData data = ExperimentData.load(CsvSource.of(shops(300), "bought"), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0), null, 1, plan);
    assertEquals(List.of(new TableEncoding.Embedded(0, 31, CategoryEncoding.defaultDim(30))),
        data.inputShape().embeddings(), "30 levels: 15 dimensions by the default rule");
    assertEquals(List.of("city", "plan=basic", "plan=pro", "spend"), data.featureNames());
    INDArray cities = data.folds(Normalization.MINMAX, "mcxent").get(0).train().getFeatures().getColumn(0);
    assertEquals(0, cities.sub(Transforms.round(cities)).norm1Number().doubleValue(), 1e-6, "minmax keeps indices");
    assertTrue(cities.maxNumber().doubleValue() > 20);
    TrainResult result = Trainer.train(builder(data.inputShape()), data, Normalization.MINMAX, "mcxent",
        TrainOptions.of(2, 32, "accuracy", 2), EpochCallback.NONE);
    assertTrue(result.network().getLayer(0) instanceof CategoryEmbeddingsLayer);
  }

  @Test
  void anEmbeddedTableTrainsSavesAndPredictsUnseenCategoriesThroughTheReservedRow() throws IOException {
    DataPlan plan = new DataPlan(null, List.of("id"), Missing.MEAN, true, 20,
        Map.of("plan", new DataPlan.ColumnPlan(null, null, null, CategoryEncoding.ONEHOT, null),
            "city", new DataPlan.ColumnPlan(null, null, null, null, 4)), ClassWeights.NONE);
    ExperimentData data = ExperimentData.load(CsvSource.of(shops(600), "bought"), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0), null, 1, plan);
    // one-hot (the default): 30 city slots and the plan's two, spend and its indicator, the plan's indicator
    assertEquals(List.of(), data.inputShape().embeddings());
    InputShape embedded = data.inputShape(CategoryEncoding.EMBEDDING);
    assertEquals(List.of("city", "plan=basic", "plan=pro", "plan_missing", "spend", "spend_missing"),
        data.featureNames(CategoryEncoding.EMBEDDING), "the plan says one-hot for itself; the city is embedded");
    assertEquals(List.of(new TableEncoding.Embedded(0, 31, 4)), embedded.embeddings(), "30 levels and row 0");

    Fold fold = data.folds(Normalization.STANDARD, "mcxent", CategoryEncoding.EMBEDDING).get(0);
    INDArray cities = fold.train().getFeatures().getColumn(0);
    assertEquals(0, cities.sub(Transforms.round(cities)).norm1Number().doubleValue(), 1e-6,
        "normalization leaves the indices whole");
    assertTrue(cities.maxNumber().doubleValue() > 20 && cities.minNumber().doubleValue() >= 1);

    MultiLayerNetwork untrained = builder(embedded).build();
    TrainResult result = Trainer.train(builder(embedded), data, Normalization.STANDARD, CategoryEncoding.EMBEDDING,
        "mcxent", TrainOptions.of(15, 32, "accuracy", 2), EpochCallback.NONE);
    assertTrue(result.network().getLayer(0) instanceof CategoryEmbeddingsLayer);
    INDArray table = result.network().getLayer(0).getParam("E0");
    assertNotEquals(untrained.getLayer(0).getParam("E0").getRow(1), table.getRow(1), "the city vectors learn");
    assertEquals(0, table.getRow(0).norm1Number().doubleValue(), "no training row is unseen: row 0 stays zero");
    assertTrue(result.validation().get("accuracy") > 0.75, "the city vectors carry its effect: " + result.validation());

    Path zip = dir.resolve("model.zip");
    SavedModel.save(zip, result, data, Map.of());
    SavedModel model = SavedModel.load(zip);
    assertEquals(data.featureNames(CategoryEncoding.EMBEDDING), model.metadata().featureNames());
    RowEncoding encoding = model.metadata().rowEncoding();
    assertEquals(List.of("city", "plan", "spend"), encoding.columns());
    String[][] cells = {{"c3", "pro", "5"}, {"Atlantis", "basic", ""}, {"c7", "", "1.5"}};
    double[][] rows = new double[cells.length][encoding.width()];
    for (int i = 0; i < cells.length; i++) {
      encoding.encode(cells[i], rows[i]);
    }
    assertEquals(TableEncoding.UNSEEN_INDEX, rows[1][0], "an unseen city reads the reserved row");
    assertTrue(rows[0][0] >= 1 && rows[2][0] >= 1);
    assertEquals(List.of("city"), encoding.unseen(cells[1]));
    INDArray x = ExperimentData.features(rows, embedded);
    result.normalizer().transform(x);
    assertArrayEquals(result.network().output(x, false).toDoubleMatrix(), model.predict(rows));

    Path csv = Files.writeString(dir.resolve("new.csv"), "spend,plan,city\n5,pro,c3\n,basic,Atlantis\n1.5,,c7\n");
    CsvPrediction.Result predicted = CsvPrediction.write(Predictor.load(zip), csv, dir.resolve("out.csv"),
        CsvPrediction.Options.DEFAULTS);
    assertEquals(3, predicted.rows());
    assertEquals(1, predicted.unseenRows());
    assertEquals(List.of("city"), predicted.unseenColumns());
  }
}
