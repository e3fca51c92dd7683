#!/usr/bin/python3
"""Optuna's side of `hyp bench samplers`: the same six functions, boxes, seeds and budgets.

Runs Optuna's RandomSampler, QMCSampler (scrambled Sobol), TPESampler and CmaEsSampler, each with
its defaults and seed=s for s in F..F+N-1 (F is 0 unless given), minimizing each function for the largest budget, and
prints one JSON line per function and sampler with the median regret (best value found minus the
known optimum) at each budget, as SamplerBenchmark prints hyp's. Run by SamplerBenchmark when
/usr/bin/python3 has optuna; usage: optuna_peer.py SEEDS FUNCTION[,FUNCTION...] BUDGET[,BUDGET...] [FIRST_SEED]
"""
import json
import math
import statistics
import sys
import warnings

import optuna


def branin(x):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
H_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
       [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def hartmann6(x):
    return -sum(H_ALPHA[i] * math.exp(-sum(H_A[i][j] * (x[j] - H_P[i][j] * 1e-4) ** 2 for j in range(6)))
                for i in range(4))


def ackley(x):
    d = len(x)
    sq = sum(v * v for v in x)
    cs = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(sq / d)) - math.exp(cs / d) + 20 + math.e


def rastrigin(x):
    return 10 * len(x) + sum(v * v - 10 * math.cos(2 * math.pi * v) for v in x)


def styblinski_tang(x):
    return sum(v ** 4 - 16 * v ** 2 + 5 * v for v in x) / 2


FUNCTIONS = {
    "branin": ([-5, 0], [10, 15], 0.397887357729739, branin),
    "rosenbrock4": ([-2] * 4, [2] * 4, 0.0, rosenbrock),
    "hartmann6": ([0] * 6, [1] * 6, -3.32236801141551, hartmann6),
    "ackley5": ([-32.768] * 5, [32.768] * 5, 0.0, ackley),
    "rastrigin4": ([-5.12] * 4, [5.12] * 4, 0.0, rastrigin),
    "styblinski_tang4": ([-5] * 4, [5] * 4, -39.16616570377142 * 4, styblinski_tang),
}

SAMPLERS = {
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "qmc": lambda seed: optuna.samplers.QMCSampler(scramble=True, seed=seed),
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
}


def regrets(name, sampler, seed, budgets):
    lo, hi, optimum, f = FUNCTIONS[name]
    study = optuna.create_study(direction="minimize", sampler=SAMPLERS[sampler](seed))
    study.optimize(lambda t: f([t.suggest_float("x%d" % i, lo[i], hi[i]) for i in range(len(lo))]),
                   n_trials=max(budgets))
    values = [t.value for t in study.trials]
    return [min(values[:b]) - optimum for b in budgets]


def main():
    seeds = int(sys.argv[1])
    functions = sys.argv[2].split(",")
    budgets = [int(b) for b in sys.argv[3].split(",")]
    first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    warnings.simplefilter("ignore")
    for name in functions:
        for sampler in SAMPLERS:
            runs = [regrets(name, sampler, seed, budgets) for seed in range(first, first + seeds)]
            medians = [statistics.median(r[c] for r in runs) for c in range(len(budgets))]
            print(json.dumps({"function": name, "sampler": "optuna-" + sampler, "optuna": optuna.__version__,
                              "seeds": seeds, "budgets": budgets, "median_regret": medians}), flush=True)


if __name__ == "__main__":
    main()
