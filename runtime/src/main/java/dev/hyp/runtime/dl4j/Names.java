package dev.hyp.runtime.dl4j;

import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** hyp's lower-case names (docs/language.md) and the Deeplearning4j values they stand for. */
public final class Names {
  private Names() {}

  static final Map<String, Activation> ACTIVATIONS = Map.ofEntries(
      Map.entry("relu", Activation.RELU), Map.entry("relu6", Activation.RELU6),
      Map.entry("leakyrelu", Activation.LEAKYRELU), Map.entry("elu", Activation.ELU),
      Map.entry("selu", Activation.SELU), Map.entry("gelu", Activation.GELU),
      Map.entry("swish", Activation.SWISH), Map.entry("mish", Activation.MISH),
      Map.entry("tanh", Activation.TANH), Map.entry("hardtanh", Activation.HARDTANH),
      Map.entry("sigmoid", Activation.SIGMOID), Map.entry("hardsigmoid", Activation.HARDSIGMOID),
      Map.entry("softmax", Activation.SOFTMAX), Map.entry("softplus", Activation.SOFTPLUS),
      Map.entry("softsign", Activation.SOFTSIGN), Map.entry("identity", Activation.IDENTITY),
      Map.entry("cube", Activation.CUBE), Map.entry("rationaltanh", Activation.RATIONALTANH),
      Map.entry("rectifiedtanh", Activation.RECTIFIEDTANH));

  static final Map<String, LossFunction> LOSSES = Map.ofEntries(
      Map.entry("mcxent", LossFunction.MCXENT), Map.entry("negativeloglikelihood", LossFunction.NEGATIVELOGLIKELIHOOD),
      Map.entry("kldivergence", LossFunction.KL_DIVERGENCE), Map.entry("xent", LossFunction.XENT),
      Map.entry("hinge", LossFunction.HINGE), Map.entry("squaredhinge", LossFunction.SQUARED_HINGE),
      Map.entry("mse", LossFunction.MSE), Map.entry("mae", LossFunction.MEAN_ABSOLUTE_ERROR),
      Map.entry("msle", LossFunction.MEAN_SQUARED_LOGARITHMIC_ERROR),
      Map.entry("mape", LossFunction.MEAN_ABSOLUTE_PERCENTAGE_ERROR), Map.entry("poisson", LossFunction.POISSON),
      Map.entry("cosineproximity", LossFunction.COSINE_PROXIMITY));

  /** Losses of a classification task; the others are regression losses. */
  public static final Set<String> CLASSIFICATION_LOSSES =
      Set.of("mcxent", "negativeloglikelihood", "kldivergence", "xent", "hinge", "squaredhinge");

  /** Losses whose labels are -1 / +1 rather than 0 / 1 (DL4J's hinge losses). */
  static final Set<String> PLUS_MINUS_ONE_LOSSES = Set.of("hinge", "squaredhinge");

  static final Map<String, WeightInit> WEIGHT_INITS = Map.ofEntries(
      Map.entry("xavier", WeightInit.XAVIER), Map.entry("xavier_uniform", WeightInit.XAVIER_UNIFORM),
      Map.entry("xavier_fan_in", WeightInit.XAVIER_FAN_IN), Map.entry("relu", WeightInit.RELU),
      Map.entry("relu_uniform", WeightInit.RELU_UNIFORM), Map.entry("lecun_normal", WeightInit.LECUN_NORMAL),
      Map.entry("lecun_uniform", WeightInit.LECUN_UNIFORM), Map.entry("normal", WeightInit.NORMAL),
      Map.entry("uniform", WeightInit.UNIFORM), Map.entry("zero", WeightInit.ZERO), Map.entry("ones", WeightInit.ONES),
      Map.entry("sigmoid_uniform", WeightInit.SIGMOID_UNIFORM));

  static Activation activation(String name) {
    return lookup(ACTIVATIONS, name, "activation");
  }

  static LossFunction loss(String name) {
    return lookup(LOSSES, name, "loss");
  }

  static WeightInit weightInit(String name) {
    return lookup(WEIGHT_INITS, name, "weight init");
  }

  /** The output activation a loss gets when the spec names none. */
  public static String defaultOutputActivation(String loss) {
    return switch (loss) {
      case "mcxent", "negativeloglikelihood", "kldivergence" -> "softmax";
      case "xent" -> "sigmoid";
      default -> "identity";
    };
  }

  private static <T> T lookup(Map<String, T> map, String name, String what) {
    T value = map.get(name);
    if (value == null) {
      throw new IllegalArgumentException("unknown " + what + " `" + name + "`");
    }
    return value;
  }
}
