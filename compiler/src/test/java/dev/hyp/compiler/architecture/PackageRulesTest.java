package dev.hyp.compiler.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler's layering as rules on its compiled classes (docs/architecture.md): text flows
 * source -> parse -> ast -> check -> model -> codegen -> build, and only the CLI prints.
 */
class PackageRulesTest {
  private static JavaClasses compiler;

  @BeforeAll
  static void importCompiler() {
    compiler = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.hyp.compiler", "dev.hyp.cli");
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.hyp.compiler.(*)..").should().beFreeOfCycles().check(compiler);
  }

  /** The check benchmark lexes the same text as its baseline, so it may use the lexer too. */
  @Test
  void antlrTypesStopAtTheParser() {
    noClasses().that().resideOutsideOfPackages("dev.hyp.compiler.parse..", "dev.hyp.grammar..", "dev.hyp.compiler.bench..")
        .should().dependOnClassesThat().resideInAnyPackage("org.antlr..")
        .check(compiler);
  }

  @Test
  void onlyTheGeneratorsSeeJavaPoet() {
    noClasses().that().resideOutsideOfPackage("dev.hyp.compiler.codegen..")
        .should().dependOnClassesThat().resideInAnyPackage("com.palantir.javapoet..")
        .check(compiler);
  }

  @Test
  void theCompilerLibraryDoesNotDependOnTheCommandLine() {
    noClasses().that().resideInAPackage("dev.hyp.compiler..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hyp.cli..", "picocli..")
        .check(compiler);
  }

  @Test
  void theCheckedModelDoesNotDependOnTheSyntaxOrTheCheckerThatMadeIt() {
    noClasses().that().resideInAPackage("dev.hyp.compiler.model..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hyp.compiler.ast..", "dev.hyp.compiler.parse..",
            "dev.hyp.compiler.check..", "dev.hyp.compiler.codegen..")
        .check(compiler);
  }

  /** A spec's meaning is read off the checked model alone, so it cannot depend on how the text was written. */
  @Test
  void theMeaningReadsOnlyTheCheckedModel() {
    noClasses().that().resideInAPackage("dev.hyp.compiler.meaning..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.hyp.compiler.ast..", "dev.hyp.compiler.parse..",
            "dev.hyp.compiler.check..", "dev.hyp.compiler.codegen..", "dev.hyp.compiler.build..",
            "dev.hyp.compiler.print..", "dev.hyp.compiler.source..")
        .check(compiler);
  }
}
