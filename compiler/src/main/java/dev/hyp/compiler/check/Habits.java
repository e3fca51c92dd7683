package dev.hyp.compiler.check;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What people arriving from Optuna, Keras, PyTorch, W&B sweeps, hyperopt, scikit-optimize or
 * YAML write, and how hyp says it: the help of an unknown name, tried before did-you-mean (a
 * close hyp name is often the wrong one: `lr` in `model` is not `l1`). Names match ignoring case
 * and `_`, `-` and `.`, so `LeakyReLU`, `leaky_relu` and `nn.Linear` find their entries.
 */
final class Habits {
  private static final String STRATEGY_HEADER = "the strategy is named in the header of `search`: `search tpe { ... }`";
  private static final String OBJECTIVE_LINE = "the objective is one line of the experiment: "
      + "`objective = maximize accuracy on validation`";
  private static final String LEARNING_RATE = "the learning rate is the updater's `lr`, in `model`: "
      + "`updater = adam(lr = 0.001)`, or a parameter: `updater = adam(lr = lr)`";

  private static final Map<String, String> SECTIONS = table(
      "the search space is the `params` section: `params { lr = loguniform(1e-4, 1e-1) }`",
      "parameters", "hyperparameters", "hparams", "space", "searchspace", "config", "configspace", "sweep",
      "distributions");
  private static final Map<String, String> OTHER_SECTIONS = merge(
      table("write the training settings in `train { epochs = 20  batch = 32 }`", "training", "fit", "trainer"),
      table("write the data in `data { source = csv(\"data.csv\", label = \"y\") }`", "dataset", "datasets", "input",
          "loader", "dataloader"),
      table("write the layers in `model { dense(units = 64)  output(loss = mcxent) }`", "network", "net", "layers",
          "sequential", "architecture", "module"),
      table(STRATEGY_HEADER, "sampler", "tuner", "study", "strategy", "method", "optimizer", "algorithm"),
      table(OBJECTIVE_LINE, "metric", "metrics", "goal", "objectives", "direction"),
      table("stop poor trials early with `pruner = median` (or `asha`, `hyperband`) inside `search`", "pruner",
          "earlyterminate", "scheduler"));

  /** Settings written in the wrong words, by what they mean; see {@link #setting}. */
  private static final Map<String, String> SETTINGS = merge(
      table("lr", "lr", "learningrate", "eta", "baselr", "initiallr"),
      table("updater", "optimizer", "optim", "opt"),
      table("batch", "batchsize", "minibatch", "minibatchsize", "bs"),
      table("epochs", "epochs", "maxepochs", "nepochs", "numepochs", "numtrainepochs", "maxiter"),
      table("trials", "ntrials", "maxtrials", "numtrials", "maxevals", "runcap", "count", "numsamples", "ntrial",
          "maxtrial", "budget", "niter", "ncalls"),
      table("seed", "randomstate", "randomseed", "rngseed"),
      table("strategy", "method", "sampler", "algorithm", "algo", "searchalgorithm", "tuner", "strategy"),
      table("objective", "metric", "goal", "direction", "metrics", "scoring", "monitor", "objective"),
      table("pruner", "earlyterminate", "pruning", "scheduler"),
      table("parallel", "njobs", "workers", "nworkers", "numworkers", "parallelism", "concurrency"),
      table("split", "validationsplit", "valsplit", "testsize", "validationsize", "validationfraction"),
      table("loss", "loss", "lossfn", "criterion", "lossfunction"),
      table("activation", "activation"),
      table("weight_init", "kernelinitializer", "initializer", "init", "weightinitializer", "weightsinit"),
      table("l2", "weightdecay", "kernelregularizer", "regularization"),
      table("dropout", "dropout", "dropoutrate"),
      table("early_stopping", "patience", "earlystoppingpatience", "earlystopping"),
      table("lr_schedule", "lrscheduler", "schedule", "lrschedule", "learningrateschedule"),
      table("label", "target", "targetcolumn", "labelcolumn", "y", "label"),
      table("source", "file", "path", "trainfile", "csv", "trainpath", "datapath", "dataset"),
      table("name", "name", "experimentname", "studyname", "project"),
      table("distribution", "distribution", "parameters", "values", "min", "max", "low", "high"),
      table("timeout", "timeout", "maxtime", "timelimit"));

  private static final Map<String, String> DISTRIBUTIONS = merge(
      table("write `uniform(lo, hi)`, or `loguniform(lo, hi)` for `log=True` (Optuna's `suggest_float`)",
          "suggestfloat", "float", "real", "continuous", "floatdistribution"),
      table("write `int(lo, hi)`, or `logint(lo, hi)` for `log=True`", "suggestint", "integer", "intuniform",
          "randint", "quniformint", "intdistribution", "discrete", "randrange"),
      table("write `choice(a, b, c)`", "suggestcategorical", "categorical", "categoricalvalues", "values", "oneof",
          "categoricaldistribution", "pchoice", "options"),
      table("write `uniform(lo, hi)`", "suggestuniform", "uniformvalues", "uniformdistribution"),
      table("write `loguniform(lo, hi)`, with the ends themselves, not their logarithms", "suggestloguniform",
          "loguniformvalues", "reciprocal", "loguniformdistribution", "logreal"),
      table("write `loguniform(lo, hi)`: W&B's `log_uniform` and hyperopt's `hp.loguniform` take the ends' "
          + "logarithms, hyp takes the ends themselves", "loguniform", "hploguniform"),
      table("write `uniform(lo, hi, step = q)`", "suggestdiscreteuniform", "quniform", "qloguniform",
          "qloguniformvalues", "quniformvalues", "discreteuniform"),
      table("write `int(lo, hi, step = s)`: both ends are included", "range", "arange", "linspace"),
      table("hyp has no normal distribution: write `uniform(lo, hi)` or `loguniform(lo, hi)` over the values you "
          + "expect", "normal", "qnormal", "lognormal", "qlognormal", "gaussian", "truncnorm"),
      table("write a constant as it is, such as `units = 64`", "constant", "fixed", "value", "const"),
      table("write `choice(a, b)`", "hpchoice", "choose"),
      table("write `uniform(lo, hi)`", "hpuniform"));

  private static final Map<String, String> LAYERS = merge(
      table("dense", "linear", "nnlinear", "fullyconnected", "fc", "denselayer", "layersdense"),
      table("conv2d", "convolution2d", "nnconv2d", "conv", "conv2dlayer", "convolution"),
      table("maxpool", "maxpooling2d", "maxpool2d", "nnmaxpool2d", "maxpooling", "pool"),
      table("avgpool", "averagepooling2d", "avgpool2d", "nnavgpool2d", "averagepooling", "globalaveragepooling2d"),
      table("batchnorm", "batchnormalization", "batchnorm1d", "batchnorm2d", "nnbatchnorm1d", "nnbatchnorm2d", "bn"),
      table("dropout", "nndropout", "spatialdropout2d"),
      table("lstm", "nnlstm", "lstmlayer"));
  private static final Map<String, String> LAYER_HELP = merge(
      table("no layer is needed for that: `dense` takes whatever the layer before it gives", "flatten", "nnflatten",
          "reshape"),
      table("the input's size comes from the data: the model starts with its first layer", "input", "inputlayer"),
      table("activations are an argument of a layer: `dense(units = 64, activation = relu)`", "activation", "relu",
          "nnrelu", "softmax", "sigmoid", "tanh", "leakyrelu"),
      table("the last layer is `output(activation = softmax, loss = mcxent)` (`loss = mse` for regression)",
          "outputlayer", "head", "classifier"));

  private static final Map<String, String> ACTIVATIONS = merge(
      table("identity", "linear", "none", "nnidentity"),
      table("swish", "silu", "nnsilu"),
      table("leakyrelu", "lrelu", "nnleakyrelu"),
      table("relu", "nnrelu", "rectifier"),
      table("softmax", "nnsoftmax", "logsoftmax"));
  private static final Map<String, String> LOSSES = merge(
      table("mcxent", "categoricalcrossentropy", "crossentropy", "crossentropyloss", "nncrossentropyloss", "ce",
          "cce", "sparsecategoricalcrossentropy", "categoricalce", "multiclasscrossentropy", "softmaxcrossentropy"),
      table("xent", "binarycrossentropy", "bce", "bceloss", "bcewithlogitsloss", "logloss", "binaryce",
          "sigmoidcrossentropy"),
      table("mse", "meansquarederror", "mseloss", "nnmseloss", "squarederror", "l2", "l2loss", "squaredloss"),
      table("mae", "meanabsoluteerror", "l1loss", "nnl1loss", "absoluteerror", "l1", "maeloss"),
      table("negativeloglikelihood", "nll", "nllloss", "nnnllloss", "loglikelihood"),
      table("kldivergence", "kld", "kldivloss", "kullbackleiblerdivergence", "kl"),
      table("msle", "meansquaredlogarithmicerror"),
      table("mape", "meanabsolutepercentageerror"),
      table("cosineproximity", "cosinesimilarity", "cosine", "cosineembeddingloss"));
  private static final Map<String, String> WEIGHT_INITS = merge(
      table("xavier", "glorotnormal", "xaviernormal", "glorot", "glorotuniform"),
      table("relu", "henormal", "kaimingnormal", "he", "kaiming", "heuniform", "kaiminguniform"),
      table("zero", "zeros"));
  private static final Map<String, String> UPDATERS = merge(
      table("nesterovs", "momentum", "sgdmomentum", "nesterov"),
      table("rmsprop", "rmsprop", "rms"),
      table("sgd", "gradientdescent", "optimsgd"),
      table("adam", "optimadam", "kerasoptimizersadam"));
  private static final Map<String, String> STRATEGIES = merge(
      table("write `search gp` (a Gaussian process, W&B's `bayes`) or `search tpe`", "bayes", "bayesian", "bo",
          "bayesianoptimization", "skopt", "gpminimize", "gaussianprocess", "gpsampler"),
      table("write `search tpe`", "tpesampler", "hyperopt", "optuna", "tpeestimator"),
      table("write `search random`", "randomsampler", "randomsearch", "randomsearchcv", "rand"),
      table("write `search grid`", "gridsampler", "gridsearch", "gridsearchcv"),
      table("write `search cmaes`", "cmaessampler", "cmaes", "cma"),
      table("write `search evolution`", "nsgaiisampler", "nsga2", "genetic", "evolutionary", "ga"),
      table("write `search sobol`", "qmcsampler", "qmc", "halton", "quasirandom"),
      table("that is a pruner: `search tpe { pruner = hyperband }` (or `asha`, `median`)", "hyperband", "asha",
          "median", "successivehalving", "bohb", "medianpruner", "hyperbandpruner"));
  private static final Map<String, String> METRICS = merge(
      table("write `minimize loss on validation`: the split is said with `on`", "valloss", "validationloss",
          "evalloss"),
      table("write `maximize accuracy on validation`: the split is said with `on`", "valaccuracy", "valacc",
          "acc", "validationaccuracy", "evalaccuracy", "accuracyscore", "categoricalaccuracy",
          "sparsecategoricalaccuracy"),
      table("write `maximize accuracy on test`", "testaccuracy", "testacc"),
      table("write `maximize f1 on validation`", "f1score", "f1macro", "valf1", "fscore", "fmeasure"),
      table("write `maximize auc on validation`", "rocauc", "auroc", "roc", "valauc", "rocaucscore"),
      table("write `minimize mse on validation`", "meansquarederror", "valmse", "negmeansquarederror"),
      table("write `minimize rmse on validation`", "rootmeansquarederror", "valrmse"),
      table("write `minimize mae on validation`", "meanabsoluteerror", "valmae"),
      table("write `maximize r2 on validation`", "r2score", "rsquared", "valr2"));
  /** Arguments by what they are called elsewhere; see {@link #argument}. */
  private static final List<Map<String, String>> ARGUMENTS = List.of(
      table("lr", "learningrate", "eta", "alpha", "stepsize"),
      table("lo", "low", "min", "lower", "minvalue", "start", "from"),
      table("hi", "high", "max", "upper", "maxvalue", "stop", "end", "to"),
      table("step", "q", "stepsize", "interval"),
      table("rate", "p", "droprate", "dropout", "dropoutrate", "prob"),
      table("units", "outfeatures", "outputdim", "nunits", "numunits", "hiddensize", "neurons", "size", "dim",
          "hiddenunits", "features"),
      table("kernel", "kernelsize", "ksize"),
      table("stride", "strides"),
      table("size", "poolsize", "kernelsize"),
      table("filters", "outchannels", "nfilters", "numfilters", "channels"),
      table("beta1", "beta_1", "b1"),
      table("beta2", "beta_2", "b2"),
      table("epsilon", "eps"),
      table("decay", "rho"),
      table("label", "target", "targetcolumn", "labelcolumn", "y"),
      table("delimiter", "sep", "separator"),
      table("header", "hasheader", "skiprows"),
      table("epochs", "patience"),
      table("min_delta", "mindelta", "tolerance", "tol", "threshold"),
      table("validation", "validationsplit", "valsize", "validationsize", "valsplit"),
      table("test", "testsize", "testsplit"),
      table("k", "nsplits", "folds", "nfolds", "cv"));

  private Habits() {}

  /** An unknown section. */
  static String section(String name) {
    String key = key(name);
    return SECTIONS.getOrDefault(key, OTHER_SECTIONS.get(key));
  }

  /**
   * An unknown setting of {@code section} ("" for the experiment's own, "data", "model", "train",
   * "search"), when what it means is set elsewhere or under another name.
   */
  static String setting(String section, String name) {
    String meaning = SETTINGS.get(key(name));
    if (meaning == null) {
      return null;
    }
    return switch (meaning) {
      case "lr" -> LEARNING_RATE;
      case "updater" -> section.equals("model") ? "write `updater = adam(lr = 0.001)`"
          : "the optimizer is `updater` in `model`: `updater = adam(lr = 0.001)`";
      case "batch" -> in(section, "train", "`batch = 32`");
      case "epochs" -> in(section, "train", "`epochs = 20`");
      case "trials" -> section.equals("search") ? "write `trials = 40`"
          : "the number of trials is `trials` in `search`: `search tpe { trials = 40 }`";
      case "seed" -> section.isEmpty() ? "write `seed = 42`" : "`seed` is a setting of the experiment itself, "
          + "outside the sections: `seed = 42`";
      case "strategy" -> STRATEGY_HEADER + " (W&B's `method: bayes` is `search gp`)";
      case "objective" -> OBJECTIVE_LINE;
      case "pruner" -> section.equals("search") ? "write `pruner = median` (or `asha`, `hyperband`)"
          : "stop poor trials early with `pruner = median` (or `asha`, `hyperband`) in `search`";
      case "parallel" -> in(section, "search", "`parallel = 4`");
      case "split" -> in(section, "data", "`split = holdout(validation = 0.2, test = 0.1)`");
      case "loss" -> "the loss is an argument of the last layer: `output(activation = softmax, loss = mcxent)`";
      case "activation" -> "activations are set per layer: `dense(units = 64, activation = relu)`";
      case "weight_init" -> in(section, "model", "`weight_init = xavier`");
      case "l2" -> in(section, "model", "`l2 = 1e-4`") + ", or use the updater `adamw`";
      case "dropout" -> "dropout is a layer of `model`: `dropout(rate = 0.5)`";
      case "early_stopping" -> in(section, "train", "`early_stopping = patience(epochs = 5)`");
      case "lr_schedule" -> in(section, "train", "`lr_schedule = cosine` (or `step(every = 10)`)");
      case "label" -> "the label is an argument of the source: `source = csv(\"data.csv\", label = \"y\")`";
      case "source" -> in(section, "data", "`source = csv(\"data.csv\", label = \"y\")`");
      case "name" -> "the experiment's name follows `experiment`: `experiment iris { ... }`";
      case "distribution" -> "a parameter is one line in `params`: `lr = loguniform(1e-4, 1e-1)`, "
          + "`units = choice(16, 32, 64)`";
      case "timeout" -> in(section, "search", "`timeout = 2h`");
      default -> null;
    };
  }

  private static String in(String section, String owner, String written) {
    return section.equals(owner) ? "write " + written : "this is a setting of `" + owner + "`: " + written;
  }

  /** An unknown argument of a call (a layer, an updater, a distribution, a source, ...). */
  static String argument(String callee, String name, List<String> accepted) {
    String key = key(name);
    if (key.equals("log") && callee.equals("uniform")) {
      return "write `loguniform(lo, hi)` instead of `log = true`";
    }
    if (key.equals("log") && callee.equals("int")) {
      return "write `logint(lo, hi)` instead of `log = true`";
    }
    if (key.equals("momentum") && !accepted.contains("momentum")) {
      return "momentum is `nesterovs`: `updater = nesterovs(lr = 0.01, momentum = 0.9)`";
    }
    if (key.equals("dropout") && !accepted.contains("rate")) {
      return "dropout is a layer of its own: `dropout(rate = 0.5)` after this one";
    }
    if (List.of("inputshape", "inputdim", "infeatures", "inputsize", "inchannels").contains(key)) {
      return "the input's size comes from the data: leave it out";
    }
    if (key.equals("weightdecay")) {
      return "write `l2 = 1e-4` in `model`, or use `adamw`";
    }
    if (key.equals("activation") && !accepted.contains("activation")) {
      return "activations are an argument of `dense`, `conv2d`, `lstm` or `output`";
    }
    if (List.of("kernelinitializer", "init", "weightinit").contains(key)) {
      return "weights are initialized for the whole model: `weight_init = xavier` in `model`";
    }
    for (Map<String, String> table : ARGUMENTS) {
      String hyp = table.get(key);
      if (hyp != null && accepted.contains(hyp)) {
        return "write `" + hyp + " = ...`";
      }
    }
    return null;
  }

  /** A call that is not a distribution, in `params`. */
  static String distribution(String name) {
    return DISTRIBUTIONS.get(key(name));
  }

  /** An unknown layer. */
  static String layer(String name) {
    String key = key(name);
    String layer = LAYERS.get(key);
    return layer != null ? "write `" + layer + "(...)`" : LAYER_HELP.get(key);
  }

  /** An unknown name of the language where a value of {@code type} is wanted. */
  static String symbol(Type type, String name) {
    String key = key(name);
    String literal = literal(type, name);
    if (literal != null) {
      return literal;
    }
    Map<String, String> table = switch (type) {
      case ACTIVATION -> ACTIVATIONS;
      case LOSS -> LOSSES;
      case WEIGHT_INIT -> WEIGHT_INITS;
      case UPDATER -> UPDATERS;
      default -> Map.of();
    };
    String hyp = table.get(key);
    return hyp == null || hyp.equals(name) ? null : "write `" + hyp + "`";
  }

  /** `True`, `None`, `null` and their kin, where {@code type} is wanted. */
  static String literal(Type type, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (type == Type.BOOLEAN && List.of("true", "false", "yes", "no", "on", "off").contains(key)) {
      return "write `" + List.of("true", "yes", "on").contains(key) + "`";
    }
    if (List.of("none", "null", "nil", "undefined").contains(key)) {
      return "there is no `" + name + "`: leave the setting or argument out for its default";
    }
    return null;
  }

  static String strategy(String name) {
    return STRATEGIES.get(key(name));
  }

  static String metric(String name) {
    return METRICS.get(key(name));
  }

  /** Lowercase, without `_`, `-`, `.` or spaces. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-.\\s]", "");
  }

  private static Map<String, String> table(String value, String... keys) {
    Map<String, String> table = new HashMap<>();
    for (String key : keys) {
      table.put(key(key), value);
    }
    return table;
  }

  @SafeVarargs
  private static Map<String, String> merge(Map<String, String>... tables) {
    Map<String, String> merged = new HashMap<>();
    for (Map<String, String> table : tables) {
      table.forEach(merged::putIfAbsent);
    }
    return Map.copyOf(merged);
  }
}
