package example;

import dev.hyp.runtime.experiment.Experiment;
import hyp.generated.iris.IrisExperiment;
import hyp.generated.iris.IrisParams;

/** Application code over the classes generated from src/main/hyp/iris.hyp: javac checks it against them. */
public final class IrisSearch {
  private IrisSearch() {}

  public static Experiment<IrisParams> experiment() {
    return new IrisExperiment();
  }

  /** The typed parameters of a trial: a misspelt accessor would not compile. */
  public static String describe(IrisParams params) {
    return "lr=" + params.lr() + " units=" + params.units();
  }
}
