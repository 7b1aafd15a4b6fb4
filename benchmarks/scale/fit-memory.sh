#!/usr/bin/env bash
# Peak memory and time of `mlgan fit` on adult-like tables of growing size (adult.csv repeated).
# usage: fit-memory.sh MLGAN ADULT_CSV WORK_DIR "ROWS..." [fit flags...]
#   MLGAN      the mlgan executable (dotnet build -c Release: src/Microsoft.ML.Gan.Cli/bin/Release/net10.0/mlgan)
#   ADULT_CSV  the adult table with a header row (/work/shared/data/adult.csv)
#   WORK_DIR   where the tables and models go (the 10M-row table takes 1.2 GB)
#   ROWS       data rows per table, e.g. "32561 300000 1000000 3000000"
#   fit flags  e.g. --steps 100 (default), or --epochs 1 for a version without --steps
# Prints one Markdown row per table: rows, peak RSS (GNU time), wall time, training steps and training time
# (the "(N steps, hh:mm:ss)" line of mlgan), and the mean step time they give.
set -euo pipefail
mlgan=$1 adult=$2 work=$3 sizes=$4
shift 4
flags=("$@")
[ ${#flags[@]} -eq 0 ] && flags=(--steps 100)
mkdir -p "$work"
echo "| rows | peak RSS | wall | steps | training | per step |"
echo "|---:|---:|---:|---:|---:|---:|"
for rows in $sizes; do
    table="$work/adult_$rows.csv"
    if [ ! -f "$table" ]; then
        # adult's data rows, repeated until there are $rows of them
        data_rows=$(($(wc -l < "$adult") - 1))
        { head -1 "$adult"; for _ in $(seq $(( (rows + data_rows - 1) / data_rows ))); do tail -n +2 "$adult"; done | head -n "$rows" || true; } > "$table.tmp"
        mv "$table.tmp" "$table"
    fi
    out="$work/fit_$rows.out" timing="$work/fit_$rows.time"
    /usr/bin/time -v "$mlgan" fit "$table" --model "$work/model_$rows.zip" --threads 2 --overwrite "${flags[@]}" > "$out" 2> "$timing"
    rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing")
    summary=$(grep -o '([0-9]* steps, [0-9:]*)' "$out" | tail -1)
    steps=$(echo "$summary" | sed -E 's/\(([0-9]+) steps.*/\1/')
    training=$(echo "$summary" | sed -E 's/.*, ([0-9:]+)\)/\1/')
    seconds=$(echo "$training" | awk -F: '{print $1*3600 + $2*60 + $3}')
    per_step=$(awk -v s="$seconds" -v n="$steps" 'BEGIN { printf "%.0f ms", 1000 * s / n }')
    printf '| %s | %.0f MB | %s | %s | %s | %s |\n' "$rows" "$(echo "$rss_kb / 1024" | bc -l)" "$wall" "$steps" "$training" "$per_step"
done
