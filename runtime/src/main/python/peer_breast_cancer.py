#!/usr/bin/python3
"""The peer a user would pick instead of hyp: Optuna TPE + scikit-learn's MLPClassifier on
breast_cancer, with samples/breast_cancer.hyp's search space, split, epochs and protocol, measured
side by side with hyp's runtime in one run.

    /usr/bin/python3 runtime/src/main/python/peer_breast_cancer.py samples/data/breast_cancer.csv \
        --java "java -cp runtime/target/classes:$(cat cp.txt) dev.hyp.runtime.dl4j.bench.PeerComparison"

With --java, the Java command runs first (it writes the split's row indexes, which this script then
uses, so both train, validate and test on the same rows), timed from outside, JVM start included;
then the Optuna study runs in this process. Prints one JSON line per side and one with the ratio.
With --outside as well, the Optuna study also runs once as its own Python process, timed from
outside like the JVM (interpreter start, imports and data loading included), for a second ratio.

Same protocol as hyp: StandardScaler fitted on the training rows; 30 epochs of minibatch Adam
(batch 32), one partial_fit per epoch; validation accuracy after each epoch, reported to a median
pruner (warmup 5); early stopping with patience 5 keeping the best epoch's weights; TPE with 8
startup trials, seed 7; 30 trials; maximize validation accuracy; the best trial's test accuracy.
MLPClassifier has no dropout: `dropout` is sampled (so TPE sees the same space) but not applied.
scikit-learn's `alpha` stands in for DL4J's l2 (both an L2 penalty on the weights).
"""
import argparse
import copy
import csv
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    label = header.index("diagnosis")
    x = np.array([[float(v) for i, v in enumerate(r) if i != label] for r in body])
    names = sorted({r[label] for r in body})
    y = np.array([names.index(r[label]) for r in body])
    return x, y


def fallback_split(y, seed=7):
    """A stratified 60/20/20 split, when no split file from the Java side is given."""
    rng = np.random.default_rng(seed)
    parts = {"train": [], "validation": [], "test": []}
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        n_test = round(len(idx) * 0.2)
        n_val = round(len(idx) * 0.2)
        parts["test"] += idx[:n_test].tolist()
        parts["validation"] += idx[n_test:n_test + n_val].tolist()
        parts["train"] += idx[n_test + n_val:].tolist()
    return {k: sorted(v) for k, v in parts.items()}


def run_optuna(x, y, split, trials, n_jobs):
    import optuna
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    tr, va, te = (np.array(split[k]) for k in ("train", "validation", "test"))
    scaler = StandardScaler().fit(x[tr])
    xtr, xva, xte = scaler.transform(x[tr]), scaler.transform(x[va]), scaler.transform(x[te])
    ytr, yva, yte = y[tr], y[va], y[te]
    classes = np.unique(y)

    def objective(trial):
        lr = trial.suggest_float("lr", 1e-4, 3e-2, log=True)
        units = trial.suggest_categorical("units", [16, 32, 64])
        act = trial.suggest_categorical("act", ["relu", "tanh"])
        trial.suggest_float("dropout", 0.0, 0.4, step=0.1)  # MLPClassifier has no dropout
        l2 = trial.suggest_float("l2", 1e-6, 1e-2, log=True)
        model = MLPClassifier(hidden_layer_sizes=(units,), activation=act, solver="adam", learning_rate_init=lr,
                              alpha=l2, batch_size=32, random_state=trial.number, shuffle=True)
        best, best_model, since = -1.0, None, 0
        for epoch in range(1, 31):
            model.partial_fit(xtr, ytr, classes=classes)
            value = model.score(xva, yva)
            trial.report(value, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
            if value > best:
                best, best_model, since = value, copy.deepcopy(model), 0
            else:
                since += 1
                if since >= 5:
                    break
        trial.set_user_attr("test_accuracy", best_model.score(xte, yte))
        return best

    sampler = optuna.samplers.TPESampler(n_startup_trials=8, seed=7)
    pruner = optuna.pruners.MedianPruner(n_warmup_steps=5)
    study = optuna.create_study(direction="maximize", sampler=sampler, pruner=pruner)
    study.optimize(objective, n_trials=trials, n_jobs=n_jobs)
    return study


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--java", help="the PeerComparison command, without its arguments")
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--n-jobs", type=int, default=1)
    parser.add_argument("--java-parallel", type=int, default=2)
    parser.add_argument("--split", help="read the split's row indexes from this file (written by the Java side)")
    parser.add_argument("--peer-only", action="store_true", help="run only Optuna (used for --outside)")
    parser.add_argument("--outside", action="store_true",
                        help="also time Optuna as its own process, Python start and imports included, as the "
                             "Java side is timed with its JVM start")
    args = parser.parse_args()

    x, y = load(args.csv)
    split = None
    java_seconds = None
    java_line = None
    outside_seconds = None
    if args.java:
        with tempfile.TemporaryDirectory() as tmp:
            split_file = os.path.join(tmp, "split.json")
            t = time.perf_counter()
            out = subprocess.run(shlex.split(args.java) + [args.csv, split_file, str(args.java_parallel)],
                                 check=True, capture_output=True, text=True)
            java_seconds = time.perf_counter() - t
            java_line = json.loads([l for l in out.stdout.splitlines() if l.startswith("{")][-1])
            with open(split_file) as f:
                split = json.load(f)
            java_line["seconds_with_jvm_start"] = round(java_seconds, 2)
            print(json.dumps(java_line))
            if args.outside:
                t = time.perf_counter()
                subprocess.run([sys.executable, os.path.abspath(__file__), args.csv, "--split", split_file,
                                "--peer-only", "--trials", str(args.trials), "--n-jobs", str(args.n_jobs)],
                               check=True, capture_output=True, text=True)
                outside_seconds = time.perf_counter() - t
    if args.split:
        with open(args.split) as f:
            split = json.load(f)
    if split is None:
        split = fallback_split(y)

    t = time.perf_counter()
    study = run_optuna(x, y, split, args.trials, args.n_jobs)
    seconds = time.perf_counter() - t
    import optuna
    states = [tr.state for tr in study.trials]
    peer = {"bench": "peer", "who": "optuna+sklearn", "trials": len(study.trials),
            "complete": states.count(optuna.trial.TrialState.COMPLETE),
            "pruned": states.count(optuna.trial.TrialState.PRUNED), "n_jobs": args.n_jobs,
            "seconds": round(seconds, 2), "best_validation_accuracy": round(study.best_value, 4),
            "best_test_accuracy": round(study.best_trial.user_attrs["test_accuracy"], 4),
            "best_params": study.best_params}
    if outside_seconds is not None:
        peer["seconds_with_python_start"] = round(outside_seconds, 2)
    print(json.dumps(peer))
    if args.peer_only:
        return 0
    if java_line is not None:
        if outside_seconds is not None:
            print(json.dumps({"bench": "peer_ratio_process_start_included",
                              "hyp_over_optuna": round(java_seconds / outside_seconds, 2)}))
        print(json.dumps({"bench": "peer_ratio", "hyp_over_optuna_wall": round(java_seconds / seconds, 2),
                          "hyp_in_process_over_optuna": round(java_line["seconds"] / seconds, 2),
                          "hyp_test_accuracy": java_line["best_test_accuracy"],
                          "optuna_test_accuracy": peer["best_test_accuracy"]}))


if __name__ == "__main__":
    sys.exit(main())
