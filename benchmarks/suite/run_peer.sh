#!/usr/bin/env bash
# The Python CTGAN (sdv-dev/CTGAN) on the suite's splits, beside the library, plus the independent evaluator's
# second opinion. Needs the splits that `tabular-suite` writes (data/splits/{table}/train.csv, test.csv), the
# Debian packages of /work/shared/peer/README.md, and the CTGAN and RDT source roots.
#
#   bash benchmarks/suite/run_peer.sh CTGAN_ROOT RDT_ROOT PEER_DIR "titanic:survived chile:vote" "1 2" EPOCHS [OUT_DIR]
#
# Each table is given as name:target (the targets are listed in benchmarks/suite/README.md).
#
# Writes OUT_DIR/{table}/seed{k}.csv (score them with `tabular-suite --synthesizers python-ctgan --peer OUT_DIR`),
# OUT_DIR/{table}/seed{k}.log (the peer's timing line) and OUT_DIR/{table}/seed{k}.eval.json (tabular_eval.py).
# The peer imputes missing numbers with the column median before fitting (CTGAN rejects NaN).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ctgan="$1" rdt="$2" peer="$3" tables="$4" seeds="$5" epochs="$6" out="${7:-$here/data/peer}"
for entry in $tables; do
    table="${entry%%:*}" target="${entry#*:}"
    [[ "$table" != "$entry" && -n "$target" ]] || { echo "run_peer.sh: '$entry' is not name:target" >&2; exit 1; }
    split="$here/data/splits/$table"
    [[ -f "$split/train.csv" ]] || { echo "run_peer.sh: $split/train.csv is missing; run tabular-suite first" >&2; exit 1; }
    mkdir -p "$out/$table"
    for seed in $seeds; do
        PYTHONPATH="$ctgan:$rdt" /usr/bin/python3 "$peer/ctgan_peer.py" "$split/train.csv" --out "$out/$table/seed$seed.csv.tmp" \
            --epochs "$epochs" --seed "$seed" --threads 1 | tee "$out/$table/seed$seed.log"
        mv "$out/$table/seed$seed.csv.tmp" "$out/$table/seed$seed.csv"
        /usr/bin/python3 "$peer/tabular_eval.py" --real-train "$split/train.csv" --real-test "$split/test.csv" \
            --synthetic "$out/$table/seed$seed.csv" --target "$target" --json "$out/$table/seed$seed.eval.json" > "$out/$table/seed$seed.eval.txt"
    done
done
