#!/usr/bin/env bash
# Dask shards, 1 worker vs 2: the same table (-n rows, M shards, Parquet) sampled by a local Dask cluster of one and of
# two worker processes (one torch thread per task), through samples/Distributed/dask_sample.py.
#   bash benchmarks/distributed/dask_workers.sh [rows] [shards] [model.zip]
# Without a model it fits CTGAN on adult.csv for one epoch (the network's size sets the cost, not its quality).
# Prints one JSON line per run; read "seconds" and "rows_per_second".
set -euo pipefail
rows=${1:-2000000}
shards=${2:-8}
model=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Microsoft.ML.Gan.Cli" -c Release -v quiet -nologo >/dev/null
mlgan="$root/src/Microsoft.ML.Gan.Cli/bin/Release/net10.0/mlgan"
if [ -z "$model" ]; then
    model="$work/adult.zip"
    "$mlgan" fit "${ADULT_CSV:-$root/../shared/data/adult.csv}" --model "$model" --epochs 1 --threads 2 >/dev/null
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
for workers in 1 2; do
    /usr/bin/python3 "$root/samples/Distributed/dask_sample.py" --mlgan "$mlgan" --model "$model" -n "$rows" \
        --shards "$shards" --workers "$workers" --threads 1 --out-dir "$work/parts-$workers"
done
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
