package dev.hyp.compiler.codegen;

import com.palantir.javapoet.NameAllocator;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.ParamSpec;
import java.util.Locale;

/**
 * Java names for what a spec names. Every parameter gets a valid, distinct identifier
 * (Java keywords such as `int` or `class` get a suffix), so any spec compiles.
 */
final class JavaNames {
  private final NameAllocator parameters = new NameAllocator();
  private final String typePrefix;
  private final String packageName;

  JavaNames(CheckedExperiment experiment) {
    this.typePrefix = pascalCase(experiment.name());
    String segment = experiment.name().toLowerCase(Locale.ROOT);
    this.packageName = "hyp.generated." + (javax.lang.model.SourceVersion.isName(segment) ? segment : segment + "_");
    for (String reserved : new String[] {"values", "layer", "of"}) {
      parameters.newName(reserved, "#" + reserved);
    }
    for (ParamSpec param : experiment.params()) {
      parameters.newName(camelCase(param.name()), param.name());
    }
  }

  String packageName() {
    return packageName;
  }

  /** `IrisParams` for experiment `iris`. */
  String type(String suffix) {
    return typePrefix + suffix;
  }

  /** The Java identifier of a parameter (`units`, `int_`, `learningRate` for `learning_rate`). */
  String parameter(String name) {
    return parameters.get(name);
  }

  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("_+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String result = out.length() == 0 ? "Experiment" : out.toString();
    return Character.isJavaIdentifierStart(result.charAt(0)) ? result : "X" + result;
  }

  static String camelCase(String name) {
    String pascal = pascalCase(name);
    String camel = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return name.startsWith("_") ? "_" + camel : camel;
  }
}
