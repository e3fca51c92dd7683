# The peer of `hyp bench multiobjective`: Optuna's random, NSGA-II and MOTPE samplers on ZDT1 and
# ZDT2 (six variables in [0, 1], both objectives minimised), the hypervolume against (1.1, 11)
# of the first 50, 100 and 200 trials' Pareto front, one JSON line per function, sampler and seed.
# Usage: python3 optuna_multiobjective.py SEEDS BUDGETS (e.g. 5 50,100,200)
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
SEEDS = int(sys.argv[1])
BUDGETS = [int(b) for b in sys.argv[2].split(",")]
REFERENCE = (1.1, 11.0)
DIMENSIONS = 6


def zdt(x, second):
    f1 = x[0]
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    ratio = f1 / g
    f2 = g * (1 - (ratio * ratio if second else math.sqrt(ratio)))
    return f1, f2


def hypervolume(points):
    inside = sorted(p for p in points if p[0] < REFERENCE[0] and p[1] < REFERENCE[1])
    volume, lowest = 0.0, REFERENCE[1]
    for x, y in inside:
        if y < lowest:
            volume += (REFERENCE[0] - x) * (lowest - y)
            lowest = y
    return volume


def sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    return optuna.samplers.TPESampler(seed=seed)  # MOTPE: TPE with several objectives


for function in ("zdt1", "zdt2"):
    for name in ("random", "nsga2", "motpe"):
        for seed in range(SEEDS):
            study = optuna.create_study(directions=["minimize", "minimize"], sampler=sampler(name, seed))
            study.optimize(lambda t: zdt([t.suggest_float("x%d" % i, 0, 1) for i in range(DIMENSIONS)],
                                         function == "zdt2"), n_trials=max(BUDGETS))
            values = [t.values for t in study.trials]
            print(json.dumps({"function": function, "sampler": name, "seed": seed,
                              "hypervolume": [hypervolume(values[:b]) for b in BUDGETS]}), flush=True)
