package dev.hyp.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's layering as rules on its compiled classes (docs/architecture.md): which way the
 * arrows between packages go, and that Deeplearning4j stays inside one package.
 */
class PackageRulesTest {
  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.hyp.runtime");
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.hyp.runtime.(*)..").should().beFreeOfCycles().check(runtime);
  }

  @Test
  void onlyTheDl4jPackageImportsDeeplearning4j() {
    noClasses().that().resideOutsideOfPackage("dev.hyp.runtime.dl4j..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.datavec..", "org.bytedeco..")
        .check(runtime);
  }

  /**
   * ND4J's internals (executioners, native ops, memory, shapes, the JavaCPP pointers under them)
   * are touched only by the patches behind {@code Nd4jPatches.install}. One exemption:
   * OwnGradientUpdater asks two views whether they share memory (Pointer.address()).
   */
  @Test
  void onlyThePatchesTouchNd4jInternals() {
    noClasses().that().resideOutsideOfPackage("dev.hyp.runtime.dl4j.nd4j..")
        .and().doNotHaveSimpleName("OwnGradientUpdater")
        .should().dependOnClassesThat().resideInAnyPackage("org.nd4j.linalg.api.ops..", "org.nd4j.linalg.cpu..",
            "org.nd4j.nativeblas..", "org.nd4j.linalg.api.memory..", "org.nd4j.linalg.api.shape..",
            "org.nd4j.linalg.api.rng..", "org.nd4j.linalg.exception..", "org.bytedeco..")
        .check(runtime);
    noClasses().that().resideOutsideOfPackage("dev.hyp.runtime.dl4j.nd4j..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.reflect.Field")
        .check(runtime);
  }

  /** Decoding images (java.awt, ImageIO) stays in one package (and the benchmark that writes its PNGs). */
  @Test
  void onlyTheImagePackageDecodesImages() {
    noClasses().that().resideOutsideOfPackages("dev.hyp.runtime.data.images..", "dev.hyp.runtime.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.imageio..")
        .check(runtime);
    classes().that().resideInAPackage("dev.hyp.runtime.data.images..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.hyp.runtime.data..", "java..", "javax.imageio..",
            "com.fasterxml.jackson.annotation..")
        .check(runtime);
  }

  @Test
  void trialRecordsSitBelowEverythingThatUsesThem() {
    classes().that().resideInAPackage("dev.hyp.runtime.trial..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.hyp.runtime.trial..", "dev.hyp.runtime.space..",
            "java..")
        .check(runtime);
  }

  @Test
  void theGeneratedCodeContractKnowsNothingOfHowARunIsOrchestrated() {
    noClasses().that().resideInAPackage("dev.hyp.runtime.experiment..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hyp.runtime.run..", "dev.hyp.runtime.progress..",
            "dev.hyp.runtime.runfolder..", "dev.hyp.runtime.executor..", "dev.hyp.runtime.report..",
            "dev.hyp.runtime.study..", "dev.hyp.runtime.storage..", "dev.hyp.runtime.sampler..",
            "dev.hyp.runtime.pruner..")
        .check(runtime);
  }

  /**
   * Prediction goes through a saved model's row encoding and {@code SavedModel.predict} only, so
   * that whatever training fits into a model reaches `hyp predict` and the Java API unchanged.
   */
  @Test
  void predictionKnowsOnlyTheSavedModelTheDataAndFiles() {
    classes().that().resideInAPackage("dev.hyp.runtime.predict..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("dev.hyp.runtime.predict..", "dev.hyp.runtime.dl4j",
            "dev.hyp.runtime.data..", "dev.hyp.runtime.io..", "java..", "com.fasterxml.jackson.core..",
            "org.apache.commons.csv..")
        .check(runtime);
  }

  @Test
  void searchAlgorithmsDoNotKnowTheStudyOrItsStorage() {
    noClasses().that().resideInAnyPackage("dev.hyp.runtime.sampler..", "dev.hyp.runtime.pruner..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hyp.runtime.study..", "dev.hyp.runtime.storage..",
            "dev.hyp.runtime.dl4j..", "dev.hyp.runtime.run..")
        .check(runtime);
  }
}
