#!/usr/bin/python3
"""The peer side of `hyp bench peer`'s load case: what a PyTorch user writes to turn a CSV into a training
matrix, the plain pandas way: read_csv, the id column dropped, text columns of up to MAX_ONEHOT levels one-hot
and longer ones as category codes, empty cells the column's median, float32 for torch. The same file hyp's side
loads. One JSON line: seconds from this process's start (as hyp's timeline counts them) to the matrix,
read_csv's own seconds, and peak resident memory.

  peer_load.py CSV LABEL [DROP ...]
"""
import json
import os
import resource
import sys
import time

MAX_ONEHOT = 20  # the load case's spec says max_onehot = 20


def since_process_start():
    """Wall seconds since this process started: /proc/uptime against the start time in /proc/self/stat."""
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    with open("/proc/self/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")


def main():
    path, label, drop = sys.argv[1], sys.argv[2], sys.argv[3:]
    import numpy as np
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_csv(path)
    read = time.perf_counter() - start
    y = frame.pop(label).astype("category").cat.codes.to_numpy()
    frame = frame.drop(columns=drop)
    for column in frame.columns[frame.dtypes == object]:
        if frame[column].nunique() <= MAX_ONEHOT:
            frame = pd.concat([frame.drop(columns=[column]), pd.get_dummies(frame[column], prefix=column)], axis=1)
        else:
            frame[column] = frame[column].astype("category").cat.codes
    frame = frame.fillna(frame.median())
    x = frame.to_numpy(dtype=np.float32)
    ready = since_process_start()
    print(json.dumps({"who": "pandas", "summary": "load", "rows": int(x.shape[0]), "features": int(x.shape[1]),
                      "labels": int(len(set(y.tolist()))), "seconds_to_data": round(ready, 3),
                      "read_csv_seconds": round(read, 3),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)}),
          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
