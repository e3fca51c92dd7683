package dev.hyp.compiler.bench;

/**
 * Writes a large, valid spec for measuring the front end: parameters of every kind
 * (ranges, choices, conditionals, per-layer) used by as many layers, to a given line count.
 */
public final class LargeSpec {
  private LargeSpec() {}

  public static String generate(int lines) {
    int groups = Math.max(1, (lines - 20) / 8);
    StringBuilder params = new StringBuilder();
    StringBuilder layers = new StringBuilder();
    for (int g = 0; g < groups; g++) {
      params.append("    lr").append(g).append(" = loguniform(1e-4, 1e-1)\n");
      params.append("    units").append(g).append(" = choice(16, 32, 64, 128)\n");
      params.append("    act").append(g).append(" = choice(relu, tanh, elu)  // activation of block ").append(g).append('\n');
      params.append("    rate").append(g).append(" = uniform(0.0, 0.5, step = 0.05)\n");
      params.append("    gate").append(g).append(" = int(1, 4) if act").append(g).append(" != tanh and units")
          .append(g).append(" >= 32\n");
      layers.append("    dense(units = units").append(g).append(" * 2, activation = act").append(g).append(")\n");
      layers.append("    dropout(rate = rate").append(g).append(")\n");
      layers.append("    batchnorm()\n");
    }
    return "// generated: " + groups + " blocks of parameters and layers\n"
        + "experiment large {\n"
        + "  description = \"front-end benchmark\"\n"
        + "  seed = 1\n"
        + "  data {\n"
        + "    source = csv(\"large.csv\", label = \"y\")\n"
        + "    normalize = standard\n"
        + "  }\n"
        + "  params {\n" + params + "  }\n"
        + "  model {\n"
        + "    updater = adam(lr = lr0)\n"
        + layers
        + "    output(activation = softmax, loss = mcxent)\n"
        + "  }\n"
        + "  train {\n    epochs = 10\n    batch = 32\n  }\n"
        + "  search random {\n    trials = 20\n  }\n"
        + "  objective = maximize accuracy on validation\n"
        + "}\n";
  }
}
