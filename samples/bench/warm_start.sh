#!/usr/bin/env bash
# Warm start after an edit (issue 12): samples/friedman_regression.hyp runs 20 trials; then its
# search is narrowed (lr to [1e-3, 1e-2], tpe) and 20 more trials run, once in the same folder (a
# new version that carries the trials still inside the space) and once afresh. Prints, per seed,
# the best validation rmse of the 20 new trials each way, then the medians.
# Usage: samples/bench/warm_start.sh [SEEDS] (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seeds="${1:-5}"
work="$(mktemp -d)"
cp -r "$root/samples/data" "$work/data"
sed -e 's/search sobol {/search sobol {/' "$root/samples/friedman_regression.hyp" > "$work/wide.hyp"
sed -e 's/lr           = loguniform(1e-4, 1e-2)/lr           = loguniform(1e-3, 1e-2)/' \
    -e 's/search sobol {/search tpe {/' "$root/samples/friedman_regression.hyp" > "$work/narrow.hyp"
best() { # the best rmse among the trials a run folder's latest version ran itself (carried ones left out)
  /usr/bin/python3 - "$1/hyp.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
study = db.execute("SELECT id FROM studies ORDER BY id DESC LIMIT 1").fetchone()[0]
print(db.execute("SELECT MIN(value) FROM trials WHERE study_id = ? AND state = 'COMPLETE'"
                 " AND carried_from IS NULL", (study,)).fetchone()[0])
PY
}
warm_all=(); fresh_all=()
for seed in $(seq 1 "$seeds"); do
  "$root/hyp" run "$work/wide.hyp" --seed "$seed" --out "$work/warm-$seed" --max-epochs 30 >/dev/null
  line="$("$root/hyp" run "$work/narrow.hyp" --seed "$seed" --out "$work/warm-$seed" --max-epochs 30 | grep 'new version' || true)"
  "$root/hyp" run "$work/narrow.hyp" --seed "$seed" --out "$work/fresh-$seed" --max-epochs 30 >/dev/null
  warm="$(best "$work/warm-$seed")"; fresh="$(best "$work/fresh-$seed")"
  warm_all+=("$warm"); fresh_all+=("$fresh")
  echo "{\"seed\": $seed, \"warm\": $warm, \"fresh\": $fresh, \"edit\": \"${line#hyp: }\"}"
done
/usr/bin/python3 -c '
import statistics, sys
w = [float(x) for x in sys.argv[1].split()]; f = [float(x) for x in sys.argv[2].split()]
print("{\"median_best_rmse_warm\": %.4f, \"median_best_rmse_fresh\": %.4f, \"seeds\": %d}" % (statistics.median(w), statistics.median(f), len(w)))
' "${warm_all[*]}" "${fresh_all[*]}"
