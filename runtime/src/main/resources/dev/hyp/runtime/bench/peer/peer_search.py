#!/usr/bin/python3
"""The peer side of `hyp bench peer`: what a user would write instead of hyp, on the same data,
split and budget. Run by the benchmark as a child process (OMP_NUM_THREADS=1), one JSON line per
trial and one summary line with this process's peak resident memory.

  replay  --kind mlp|cnn: train hyp's trials' configurations (CONFIGS: number, params, epochs,
          batch) in PyTorch with one thread: Adam, validation accuracy after every epoch, the test
          accuracy at the end. --only picks some of them (two processes take turns).
  search  --kind mlp|cnn: Optuna TPE over the same space (SPACE) and budget, each trial in PyTorch.
  sklearn Optuna TPE + scikit-learn's MLPClassifier, the plain `fit` way (breast_cancer's space).

Data: a CSV whose last column is the label; SPLIT: hyp's row indexes (train, validation, test).
"""
import argparse
import json
import resource
import sys
import time
import warnings

import numpy as np


def load(path, label, split):
    with open(path) as f:
        header = f.readline().rstrip("\n").split(",")
        if header[-1] != label:
            raise SystemExit("peer: the label `%s` is not the last column of %s" % (label, path))
        lines = f.read().splitlines()
    labels = [line.rsplit(",", 1)[1] for line in lines]
    x = np.loadtxt(lines, delimiter=",", usecols=range(len(header) - 1), dtype=np.float32, ndmin=2)
    classes = sorted(set(labels))
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[v] for v in labels], dtype=np.int64)
    parts = {k: np.array(split[k], dtype=np.int64) for k in ("train", "validation", "test")}
    return x, y, len(classes), parts


def standardized(x, parts):
    """Standardisation fitted on the training rows (hyp's `normalize = standard`)."""
    mean = x[parts["train"]].mean(axis=0)
    std = x[parts["train"]].std(axis=0)
    std[std == 0] = 1
    return (x - mean) / std


def mlp(torch, inputs, classes, params):
    layers, width = [], inputs
    for _ in range(int(params["layers"])):
        layers += [torch.nn.Linear(width, int(params["units"])), torch.nn.ReLU()]
        width = int(params["units"])
    return torch.nn.Sequential(*layers, torch.nn.Linear(width, classes))


def cnn(torch, side, classes, params):
    f, d = int(params["filters"]), int(params["dense_units"])
    return torch.nn.Sequential(
        torch.nn.Unflatten(1, (1, side, side)),
        torch.nn.Conv2d(1, f, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(f, f, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(f * (side // 4) * (side // 4), d), torch.nn.ReLU(),
        torch.nn.Linear(d, classes))


def train(torch, kind, data, params, epochs, batch, seed):
    """One trial: a fresh network, `epochs` epochs of Adam with per-epoch validation accuracy."""
    x, y, classes, parts = data
    torch.manual_seed(seed)
    if kind == "mlp":
        net = mlp(torch, x.shape[1], classes, params)
    else:
        net = cnn(torch, int(round(x.shape[1] ** 0.5)), classes, params)
    optimizer = torch.optim.Adam(net.parameters(), lr=float(params["lr"]))
    loss = torch.nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x[parts["train"]]), torch.from_numpy(y[parts["train"]])
    xv, yv = torch.from_numpy(x[parts["validation"]]), torch.from_numpy(y[parts["validation"]])
    xs, ys = torch.from_numpy(x[parts["test"]]), torch.from_numpy(y[parts["test"]])
    generator = torch.Generator().manual_seed(seed)
    curve = []

    def accuracy(xe, ye):
        net.eval()
        with torch.no_grad():
            value = float((net(xe).argmax(1) == ye).float().mean())
        net.train()
        return value

    for _ in range(epochs):
        order = torch.randperm(len(xt), generator=generator)
        for start in range(0, len(xt), batch):
            rows = order[start:start + batch]
            optimizer.zero_grad()
            loss(net(xt[rows]), yt[rows]).backward()
            optimizer.step()
        curve.append(accuracy(xv, yv))
    return curve, (round(accuracy(xs, ys), 4) if len(xs) else None)


def suggest(trial, space):
    params = {}
    for p in space:
        if p["kind"] == "loguniform":
            params[p["name"]] = trial.suggest_float(p["name"], p["low"], p["high"], log=True)
        elif p["kind"] == "int":
            params[p["name"]] = trial.suggest_int(p["name"], p["low"], p["high"])
        else:
            params[p["name"]] = trial.suggest_categorical(p["name"], p["choices"])
    return params


def peak_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)


def emit(line):
    print(json.dumps(line), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["replay", "search", "sklearn"])
    parser.add_argument("--kind", choices=["mlp", "cnn"], default="mlp")
    parser.add_argument("--data", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--split", required=True)
    parser.add_argument("--configs")
    parser.add_argument("--only", default="")
    parser.add_argument("--space")
    parser.add_argument("--trials", type=int, default=12)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=0, help="a fixed batch when the space has none")
    parser.add_argument("--n-jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--startup", type=int, default=10)
    args = parser.parse_args()

    start = time.perf_counter()
    with open(args.split) as f:
        split = json.load(f)
    x, y, classes, parts = load(args.data, args.label, split)
    if args.kind == "mlp" or args.mode == "sklearn":
        x = standardized(x, parts)
    data = (x, y, classes, parts)
    loaded = time.perf_counter() - start
    side = "pytorch" if args.mode != "sklearn" else "sklearn"

    if args.mode == "replay":
        import torch
        torch.set_num_threads(1)
        with open(args.configs) as f:
            configs = json.load(f)
        only = {int(n) for n in args.only.split(",") if n}
        total = 0.0
        for c in configs:
            if only and c["number"] not in only:
                continue
            t = time.perf_counter()
            curve, test = train(torch, args.kind, data, c["params"], int(c["epochs"]), int(c["batch"]), c["number"])
            seconds = time.perf_counter() - t
            total += seconds
            emit({"who": side, "trial": c["number"], "seconds": round(seconds, 3), "epochs": len(curve),
                  "validation_accuracy": round(max(curve), 4), "test_accuracy": test})
        emit({"who": side, "summary": "replay", "trial_seconds": round(total, 3), "load_seconds": round(loaded, 3),
              "peak_rss_mb": peak_mb()})
        return 0

    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    sampler = optuna.samplers.TPESampler(n_startup_trials=args.startup, seed=args.seed)
    study = optuna.create_study(direction="maximize", sampler=sampler)
    if args.mode == "search":
        import torch
        torch.set_num_threads(1)
        with open(args.space) as f:
            space = json.load(f)

        def objective(trial):
            params = suggest(trial, space)
            batch = int(params.get("batch", args.batch))
            curve, test = train(torch, args.kind, data, params, args.epochs, batch, trial.number)
            trial.set_user_attr("test_accuracy", test)
            return max(curve)
    else:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier
        warnings.filterwarnings("ignore", category=ConvergenceWarning)
        tr, va, te = parts["train"], parts["validation"], parts["test"]

        def objective(trial):
            lr = trial.suggest_float("lr", 1e-4, 3e-2, log=True)
            units = trial.suggest_categorical("units", [16, 32, 64])
            act = trial.suggest_categorical("act", ["relu", "tanh"])
            trial.suggest_float("dropout", 0.0, 0.4, step=0.1)  # MLPClassifier has no dropout
            l2 = trial.suggest_float("l2", 1e-6, 1e-2, log=True)
            model = MLPClassifier(hidden_layer_sizes=(units,), activation=act, solver="adam", alpha=l2,
                                  learning_rate_init=lr, batch_size=32, max_iter=args.epochs,
                                  random_state=trial.number).fit(x[tr], y[tr])
            trial.set_user_attr("test_accuracy", round(model.score(x[te], y[te]), 4))
            return model.score(x[va], y[va])

    t = time.perf_counter()
    study.optimize(objective, n_trials=args.trials, n_jobs=args.n_jobs)
    trial_seconds = sum((tr.datetime_complete - tr.datetime_start).total_seconds() for tr in study.trials
                        if tr.datetime_complete is not None)
    emit({"who": "optuna+" + side, "summary": "search", "trials": len(study.trials), "n_jobs": args.n_jobs,
          "search_seconds": round(time.perf_counter() - t, 3), "trial_seconds": round(trial_seconds, 3),
          "load_seconds": round(loaded, 3),
          "best_validation_accuracy": round(study.best_value, 4),
          "best_test_accuracy": study.best_trial.user_attrs["test_accuracy"], "best_params": study.best_params,
          "peak_rss_mb": peak_mb()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
