#!/usr/bin/env bash
# How fit and sampling costs grow with the number of columns: adult's 15 columns side by side K times (each copy's
# columns suffixed _1 … _K, rows shifted by a different offset per copy so the copies are not identical), ROWS rows.
# usage: fit-columns.sh MLGAN ADULT_CSV WORK_DIR ROWS "K..." [fit flags...]
#   MLGAN      the mlgan executable (dotnet build -c Release: src/Microsoft.ML.Gan.Cli/bin/Release/net10.0/mlgan)
#   ADULT_CSV  the adult table with a header row (/work/shared/data/adult.csv)
#   ROWS       data rows per table, e.g. 300000
#   K          copies of adult's columns per table, e.g. "1 2 4" (15, 30, 60 columns)
#   fit flags  default --steps 100
# Prints one Markdown row per table: columns, encoded width (from mlgan inspect), fit peak RSS and wall time, the mean
# step time, then `mlgan sample -n ROWS --out x.parquet`'s peak RSS, wall time and rows/s.
set -euo pipefail
mlgan=$1 adult=$2 work=$3 rows=$4 copies=$5
shift 5
flags=("$@")
[ ${#flags[@]} -eq 0 ] && flags=(--steps 100)
mkdir -p "$work"
data_rows=$(($(wc -l < "$adult") - 1))
repeated="$work/adult_rows_$rows.csv"   # adult's data rows repeated to ROWS (no header)
[ -f "$repeated" ] || for _ in $(seq $(( (rows + data_rows) / data_rows + 1 ))); do tail -n +2 "$adult"; done > "$repeated"
echo "| columns | fit: peak RSS | fit: wall | per step | sample $rows rows: peak RSS | wall | rows/s |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for k in $copies; do
    table="$work/adult_${rows}_x$k.csv"
    if [ ! -f "$table" ]; then
        header=$(head -1 "$adult")
        parts=()
        for c in $(seq "$k"); do
            # copy c: the header suffixed _c, the rows starting (c - 1) * 7919 rows later
            sed -n "$(( (c - 1) * 7919 + 1 )),$(( (c - 1) * 7919 + rows ))p" "$repeated" > "$work/part_$c.csv"
            parts+=("$work/part_$c.csv")
        done
        { for c in $(seq "$k"); do echo "$header" | sed -E "s/([^,]+)/\1_$c/g"; done | paste -d, -s; paste -d, "${parts[@]}"; } > "$table.tmp"
        rm -f "${parts[@]}"
        mv "$table.tmp" "$table"
    fi
    columns=$((15 * k))
    fit_out="$work/fit_x$k.out" fit_time="$work/fit_x$k.time"
    /usr/bin/time -v "$mlgan" fit "$table" --model "$work/model_x$k.zip" --threads 2 --overwrite "${flags[@]}" > "$fit_out" 2> "$fit_time"
    fit_rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$fit_time")
    fit_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$fit_time")
    summary=$(grep -o '([0-9]* steps, [0-9:]*)' "$fit_out" | tail -1)
    steps=$(echo "$summary" | sed -E 's/\(([0-9]+) steps.*/\1/')
    seconds=$(echo "$summary" | sed -E 's/.*, ([0-9:]+)\)/\1/' | awk -F: '{print $1*3600 + $2*60 + $3}')
    per_step=$(awk -v s="$seconds" -v n="$steps" 'BEGIN { printf "%.0f ms", 1000 * s / n }')
    out="$work/sample_x$k.parquet" sample_time="$work/sample_x$k.time"
    start=$(date +%s.%N)
    /usr/bin/time -v "$mlgan" sample --model "$work/model_x$k.zip" -n "$rows" --out "$out" --overwrite > /dev/null 2> "$sample_time"
    end=$(date +%s.%N)
    sample_rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}' "$sample_time")
    rate=$(awk -v s="$start" -v e="$end" -v n="$rows" 'BEGIN { printf "%.0f", n / (e - s) }')
    printf '| %s | %s | %s | %s | %s | %.1f s | %s |\n' "$columns" "$fit_rss" "$fit_wall" "$per_step" "$sample_rss" "$(echo "$end - $start" | bc)" "$rate"
    rm -f "$out" "$out.export.json"
done
