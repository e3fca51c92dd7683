package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.ParenExpression;

/** Which parameters an expression names: for "never used" warnings, and to stay quiet about broken ones. */
final class ParamUses {
  private final ParamTable params;

  ParamUses(ParamTable params) {
    this.params = params;
  }

  /** A parameter named anywhere counts as used, even where its use is an error (reported as such). */
  void markReferenced(Expression expression) {
    if (expression instanceof Name n && params.contains(n.name())) {
      params.get(n.name()).markUsed();
    } else if (expression instanceof IndexExpression i) {
      if (params.contains(i.name().name())) {
        params.get(i.name().name()).markUsed();
      }
      markReferenced(i.index());
    } else if (expression instanceof Call c) {
      if (params.contains(c.callee().name())) {
        params.get(c.callee().name()).markUsed();
      }
      c.arguments().forEach(a -> markReferenced(a.value()));
    } else if (expression instanceof Binary b) {
      markReferenced(b.left());
      markReferenced(b.right());
    } else if (expression instanceof Negate n) {
      markReferenced(n.operand());
    } else if (expression instanceof ParenExpression p) {
      markReferenced(p.inner());
    }
  }

  /** Whether the expression names a parameter whose declaration had an error (already reported). */
  boolean refersToBroken(Expression expression) {
    String name = expression instanceof Name n ? n.name()
        : expression instanceof IndexExpression i ? i.name().name()
        : expression instanceof Call c ? c.callee().name() : null;
    return name != null && params.isBroken(name);
  }
}
