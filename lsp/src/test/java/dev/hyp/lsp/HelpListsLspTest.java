package dev.hyp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** With this module on the class path, `hyp` has an `lsp` command (found through ServiceLoader). */
class HelpListsLspTest {
  @Test
  void hypHelpListsLsp() {
    StringWriter out = new StringWriter();
    int exit = Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    assertEquals(0, exit);
    assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith("lsp ")
        && l.contains("language server")), out.toString());
  }

  @Test
  void lspHelpSaysWhatItIs() {
    StringWriter out = new StringWriter();
    int exit = Main.run(new String[] {"lsp", "--help"}, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    assertEquals(0, exit);
    assertTrue(out.toString().contains("Usage: hyp lsp"), out.toString());
  }
}
