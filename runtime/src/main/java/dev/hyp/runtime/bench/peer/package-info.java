/**
 * `hyp bench peer`: hyp against Optuna + PyTorch and Optuna + scikit-learn on the same searches,
 * each side in its own child processes, started as a user starts them. No DL4J here: hyp's side
 * is `hyp run` itself.
 */
package dev.hyp.runtime.bench.peer;
