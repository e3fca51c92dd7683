package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Option;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Builds one trial's network from plain values, layer by layer, in hyp's terms (docs/language.md):
 * generated code calls the settings, then one method per layer in order, then {@link #build()}.
 * Names are the vocabulary's constants ({@code dev.hyp.runtime.vocab}); updater arguments go by
 * hyp's names, and one the updater does not take is an {@link IllegalArgumentException} (the
 * checker rejects it first). Settings not called keep hyp's defaults: updater `adam`, weight init
 * `xavier`, no l1/l2, no clipping, constant rate.
 *
 * <pre>{@code
 * MultiLayerNetwork net = new NetworkBuilder(42, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
 *     .updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-4)
 *     .dense(32, Activation.RELU).dropout(0.2)
 *     .output(null, Loss.MCXENT, null)
 *     .build();
 * }</pre>
 *
 * <p>Embedded categories: when the input holds category indices ({@link InputShape#embeds()}), the
 * network starts with a {@link CategoryEmbeddings} layer before the spec's first layer.
 *
 * <p>Shapes: image input is fed flat and declared with DL4J's {@code InputType}, so DL4J adds the
 * CNN and flattening preprocessors. An `lstm` reads an image's rows as time steps; a `dense` or
 * `output` after an `lstm` reads its last time step.
 */
public final class NetworkBuilder {
  private final long seed;
  private final InputShape input;
  private final Task task;
  private final int numClasses;

  private Updater updaterKind = Updater.DEFAULT;
  private Map<String, ?> updaterArgs = Map.of();
  private WeightInit weightInit = WeightInit.DEFAULT;
  private double l1;
  private double l2;
  private Double gradientClip;
  private double[] stepSchedule;
  private Integer cosineEpochs;
  private final List<Spec> layers = new ArrayList<>();

  /** A layer as called; turned into DL4J layers by {@link #build()}, which can look ahead. */
  private record Spec(String kind, Layer layer) {}

  /**
   * @param seed seeds the initial weights (and dropout)
   * @param input the shape of one example
   * @param task classification or regression (from the output loss)
   * @param numClasses the label's classes (classification), or 0
   */
  public NetworkBuilder(long seed, InputShape input, Task task, int numClasses) {
    this.seed = seed;
    this.input = input;
    this.task = task;
    this.numClasses = numClasses;
  }

  /**
   * The updater and its arguments by hyp's names ({@link Updater#arguments()}: lr, beta1, beta2,
   * epsilon, weight_decay, momentum, decay; numbers). Absent arguments take the vocabulary's
   * defaults; without `lr`, DL4J's default rate.
   */
  public NetworkBuilder updater(Updater updater, Map<String, ?> args) {
    updater(updater, args, null); // validates now, not at build time
    this.updaterKind = updater;
    this.updaterArgs = Map.copyOf(args);
    return this;
  }

  public NetworkBuilder weightInit(WeightInit init) {
    this.weightInit = init;
    return this;
  }

  public NetworkBuilder l1(double l1) {
    this.l1 = l1;
    return this;
  }

  public NetworkBuilder l2(double l2) {
    this.l2 = l2;
    return this;
  }

  /** Clips each gradient element to [-value, value]. */
  public NetworkBuilder gradientClip(double value) {
    this.gradientClip = value;
    return this;
  }

  /** `lr_schedule = step(every, factor)`: the rate is multiplied by factor every `every` epochs. */
  public NetworkBuilder stepSchedule(int every, double factor) {
    this.stepSchedule = new double[] {every, factor};
    this.cosineEpochs = null;
    return this;
  }

  /** `lr_schedule = cosine()`: anneal from the initial rate to zero over {@code epochs} epochs. */
  public NetworkBuilder cosineSchedule(int epochs) {
    this.cosineEpochs = epochs;
    this.stepSchedule = null;
    return this;
  }

  public NetworkBuilder dense(int units, Activation activation) {
    layers.add(new Spec("dense", new DenseLayer.Builder().nOut(units).activation(Names.activation(activation))
        .build()));
    return this;
  }

  /** `dropout(rate)`: {@code rate} is the fraction of inputs DROPPED (DL4J takes the fraction kept). */
  public NetworkBuilder dropout(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate " + rate + " is not in [0, 1)");
    }
    if (rate > 0) {
      layers.add(new Spec("dropout", new DropoutLayer.Builder().dropOut(new Dropout(1.0 - rate)).build()));
    }
    return this;
  }

  public NetworkBuilder batchnorm() {
    layers.add(new Spec("batchnorm", new BatchNormalization.Builder().build()));
    return this;
  }

  public NetworkBuilder conv2d(int filters, int kernel, int stride, Padding padding, Activation activation) {
    layers.add(new Spec("conv2d", new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(filters)
        .convolutionMode(Names.convolutionMode(padding)).activation(Names.activation(activation)).build()));
    return this;
  }

  /** @param stride null: the pool's size */
  public NetworkBuilder maxpool(int size, Integer stride) {
    return pool("maxpool", SubsamplingLayer.PoolingType.MAX, size, stride);
  }

  /** @param stride null: the pool's size */
  public NetworkBuilder avgpool(int size, Integer stride) {
    return pool("avgpool", SubsamplingLayer.PoolingType.AVG, size, stride);
  }

  private NetworkBuilder pool(String kind, SubsamplingLayer.PoolingType type, int size, Integer stride) {
    int s = stride == null ? size : stride;
    layers.add(new Spec(kind, new SubsamplingLayer.Builder(type).kernelSize(size, size).stride(s, s)
        .convolutionMode(ConvolutionMode.Truncate).build()));
    return this;
  }

  public NetworkBuilder lstm(int units, Activation activation) {
    layers.add(new Spec("lstm", new LSTM.Builder().nOut(units).activation(Names.activation(activation)).build()));
    return this;
  }

  /**
   * The output layer.
   *
   * @param activation null: the loss's default ({@link Loss#defaultActivation()})
   * @param units null: the number of classes, or 1 for regression
   */
  public NetworkBuilder output(Activation activation, Loss loss, Integer units) {
    Activation act = activation == null ? loss.defaultActivation() : activation;
    int n = units != null ? units : task == Task.CLASSIFICATION ? numClasses : 1;
    layers.add(new Spec("output", new OutputLayer.Builder(Names.loss(loss)).nOut(n)
        .activation(Names.activation(act)).build()));
    return this;
  }

  /** The configuration, with every shape inferred from the input. */
  public MultiLayerConfiguration configuration() {
    if (layers.isEmpty() || !layers.get(layers.size() - 1).kind().equals("output")) {
      throw new IllegalStateException("the last layer must be `output`");
    }
    NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .weightInit(Names.weightInit(weightInit))
        .updater(updater(updaterKind, updaterArgs, schedule()));
    if (l1 > 0) {
      base.l1(l1);
    }
    if (l2 > 0) {
      base.l2(l2);
    }
    if (updaterKind == Updater.ADAMW) {
      base.weightDecay(number(updaterArgs, Updater.Arguments.WEIGHT_DECAY), true);
    }
    if (gradientClip != null) {
      base.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
          .gradientNormalizationThreshold(gradientClip);
    }
    NeuralNetConfiguration.ListBuilder list = base.list();
    InputType type = input.toInputType();
    int first = 0; // DL4J's index of the spec's first layer
    if (input.embeds()) {
      CategoryEmbeddings embeddings = new CategoryEmbeddings(input.features(), input.embeddings());
      list.layer(0, embeddings);
      type = embeddings.getOutputType(0, type);
      first = 1;
    }
    for (int i = 0; i < layers.size(); i++) {
      Spec spec = layers.get(i);
      Layer layer = spec.layer().clone();
      if (spec.kind().equals("lstm")) {
        if (type.getType() == InputType.Type.CNN || type.getType() == InputType.Type.CNNFlat) {
          long[] image = imageOf(type); // after a conv2d or a pool: its output's sides, not the input's
          list.inputPreProcessor(first + i, new ImageRowsToSequence((int) image[0], (int) image[1],
              (int) image[2], type.getType() == InputType.Type.CNNFlat));
        }
        if (readsLastStep(i)) {
          layer = new LastTimeStep(layer);
        }
      }
      list.layer(first + i, layer);
      type = outputType(list, first + i, layer, type);
    }
    return list.setInputType(input.toInputType()).build();
  }

  /**
   * A new, initialised network (with {@link OwnGradientUpdater}, DL4J's updater on its standard path, and
   * {@link PreOutputReuse}'s, {@link ConvolutionReuse}'s and {@link ReusingSubsamplingLayer}'s layers).
   */
  public MultiLayerNetwork build() {
    return build(configuration());
  }

  /** A new, initialised network of {@code conf} (one of {@link #configuration()}'s), as {@link #build()} makes it. */
  static MultiLayerNetwork build(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    if (PreOutputReuse.enabled()) {
      PreOutputReuse.install(net); // before the updater, which reads the layers
    }
    if (ConvolutionReuse.enabled()) {
      ConvolutionReuse.install(net);
    }
    if (ReusingSubsamplingLayer.enabled()) {
      ReusingSubsamplingLayer.install(net);
    }
    net.setUpdater(new OwnGradientUpdater(net));
    return net;
  }

  /** Whether the lstm at {@code index} feeds a flat layer (through dropout/batchnorm): then it gives its last step. */
  private boolean readsLastStep(int index) {
    for (int j = index + 1; j < layers.size(); j++) {
      String kind = layers.get(j).kind();
      if (kind.equals("lstm")) {
        return false;
      }
      if (kind.equals("dense") || kind.equals("output")) {
        return true;
      }
    }
    return true;
  }

  /** Height, width and channels of an image type. */
  private static long[] imageOf(InputType type) {
    if (type instanceof InputType.InputTypeConvolutional c) {
      return new long[] {c.getHeight(), c.getWidth(), c.getChannels()};
    }
    InputType.InputTypeConvolutionalFlat f = (InputType.InputTypeConvolutionalFlat) type;
    return new long[] {f.getHeight(), f.getWidth(), f.getDepth()};
  }

  /** The type after layer {@code i}, to place the lstm preprocessor; DL4J recomputes all of it at build. */
  private static InputType outputType(NeuralNetConfiguration.ListBuilder list, int i, Layer layer, InputType in) {
    InputType current = in;
    var pre = list.getInputPreProcessors().get(i);
    if (pre != null) {
      current = pre.getOutputType(current);
    } else {
      var auto = layer.getPreProcessorForInputType(current);
      if (auto != null) {
        current = auto.getOutputType(current);
      }
    }
    return layer.getOutputType(i, current);
  }

  private ISchedule schedule() {
    double lr = initialRate();
    if (stepSchedule != null) {
      return new StepSchedule(ScheduleType.EPOCH, lr, stepSchedule[1], stepSchedule[0]);
    }
    if (cosineEpochs != null) {
      return new CosineSchedule(lr, cosineEpochs);
    }
    return null;
  }

  private double initialRate() {
    return updater(updaterKind, updaterArgs, null).getLearningRate(0, 0);
  }

  private static IUpdater updater(Updater kind, Map<String, ?> args, ISchedule schedule) {
    for (String key : args.keySet()) {
      if (kind.argument(key).isEmpty()) {
        throw new IllegalArgumentException("updater `" + kind.hypName() + "` takes no argument `" + key + "`");
      }
    }
    double b1 = number(args, Updater.Arguments.BETA1);
    double b2 = number(args, Updater.Arguments.BETA2);
    double eps = number(args, Updater.Arguments.EPSILON);
    IUpdater updater = switch (kind) {
      case SGD -> new Sgd(rate(args, Sgd.DEFAULT_SGD_LR));
      case ADAM, ADAMW -> new Adam(rate(args, Adam.DEFAULT_ADAM_LEARNING_RATE), b1, b2, eps);
      case ADAMAX -> new AdaMax(rate(args, AdaMax.DEFAULT_ADAMAX_LEARNING_RATE), b1, b2, eps);
      case NADAM -> new Nadam(rate(args, Nadam.DEFAULT_NADAM_LEARNING_RATE), b1, b2, eps);
      case AMSGRAD -> new AMSGrad(rate(args, AMSGrad.DEFAULT_AMSGRAD_LEARNING_RATE), b1, b2, eps);
      case NESTEROVS -> new Nesterovs(rate(args, Nesterovs.DEFAULT_NESTEROV_LEARNING_RATE),
          number(args, Updater.Arguments.MOMENTUM));
      case RMSPROP -> new RmsProp(rate(args, RmsProp.DEFAULT_RMSPROP_LEARNING_RATE),
          number(args, Updater.Arguments.DECAY), eps);
      case ADAGRAD -> new AdaGrad(rate(args, AdaGrad.DEFAULT_ADAGRAD_LEARNING_RATE), eps);
    };
    if (schedule != null) {
      updater.setLrAndSchedule(Double.NaN, schedule);
    }
    return updater;
  }

  /** `lr`, or DL4J's default rate for the updater (the vocabulary's `lr` has no default). */
  private static double rate(Map<String, ?> args, double dl4jDefault) {
    return number(args, Updater.Arguments.LR.name(), dl4jDefault);
  }

  private static double number(Map<String, ?> args, Option argument) {
    return number(args, argument.name(), argument.defaultDouble());
  }

  private static double number(Map<String, ?> args, String key, double fallback) {
    Object value = args.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("updater argument `" + key + "` is not a number: " + value);
  }
}
