package dev.hyp.lsp;

import dev.hyp.compiler.check.ParamReferences;
import dev.hyp.compiler.parse.Names;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Parameters across a spec: where one is declared, where it is read, and renaming it in every place. */
final class Navigation {
  private Navigation() {}

  static Optional<ParamReferences.Param> paramAt(OpenDocument document, int offset) {
    return document.params().flatMap(p -> p.at(offset));
  }

  static List<Location> definition(OpenDocument document, int offset) {
    return paramAt(document, offset).map(p -> List.of(location(document, p.declaration()))).orElse(List.of());
  }

  static List<Location> references(OpenDocument document, int offset, boolean withDeclaration) {
    return paramAt(document, offset).map(p -> {
      List<Location> locations = new ArrayList<>();
      if (withDeclaration) {
        locations.add(location(document, p.declaration()));
      }
      p.references().forEach(s -> locations.add(location(document, s)));
      return locations;
    }).orElse(List.of());
  }

  /** The declaration and every reference renamed; an error the editor shows when the new name cannot be one. */
  static WorkspaceEdit rename(OpenDocument document, int offset, String newName) {
    ParamReferences.Param param = paramAt(document, offset).orElseThrow(() -> error("only a parameter can be "
        + "renamed here, and the spec must parse"));
    if (!Names.isName(newName)) {
      throw error("`" + newName + "` is not a name: letters, digits and `_`, not starting with a digit, and not a"
          + " keyword");
    }
    boolean taken = document.params().map(p -> p.get(newName).isPresent()).orElse(false);
    if (taken && !newName.equals(param.name())) {
      throw error("`" + newName + "` is already a parameter");
    }
    List<TextEdit> edits = new ArrayList<>();
    edits.add(new TextEdit(document.range(param.declaration()), newName));
    for (Span reference : param.references()) {
      edits.add(new TextEdit(document.range(reference), newName));
    }
    return new WorkspaceEdit(Map.of(document.uri(), edits));
  }

  private static ResponseErrorException error(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  private static Location location(OpenDocument document, Span span) {
    return new Location(document.uri(), document.range(span));
  }
}
