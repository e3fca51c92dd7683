package dev.hyp.lsp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The language server is a tool over the compiler's API: no second parser (ANTLR, the grammar), no DL4J. */
class ModuleRulesTest {
  private final JavaClasses server = new ClassFileImporter().importPath(Path.of("target/classes"));

  @Test
  void readsSpecsOnlyThroughTheCompiler() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.antlr..", "dev.hyp.grammar..",
        "org.deeplearning4j..", "org.nd4j..").check(server);
  }
}
