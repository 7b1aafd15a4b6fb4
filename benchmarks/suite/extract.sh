#!/usr/bin/env bash
# Writes the tabular benchmark suite (real public tables from Debian 12 packages) as CSV files into data/.
# Run as root (it apt-installs the packages that carry the tables): sudo bash benchmarks/suite/extract.sh
# R tables are written with write.csv(na = "", row.names = FALSE): missing values stay blank cells. Rows whose
# target is missing are left out (a row without a label cannot train or test a model); every other NA is kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/data"
packages=(r-base-core r-cran-aer r-cran-cardata r-cran-dslabs r-cran-mlbench r-cran-modeldata python3-sklearn)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || { echo "extract.sh: needs root to install ${missing[*]}" >&2; exit 1; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

/usr/bin/Rscript --vanilla - "$tmp" <<'RSCRIPT'
out <- commandArgs(trailingOnly = TRUE)[1]
put <- function(package, name, file, target, transform = identity) {
  env <- new.env()
  data(list = name, package = package, envir = env)
  table <- transform(as.data.frame(get(name, envir = env)))
  table <- table[!is.na(table[[target]]), , drop = FALSE]
  write.csv(table, file.path(out, paste0(file, ".csv")), na = "", row.names = FALSE)
  cat(sprintf("%-16s %6d rows %3d columns  (%s::%s, target %s)\n", file, nrow(table), ncol(table), package, name, target))
}
put("modeldata", "credit_data", "credit", "Status")
put("modeldata", "mlc_churn", "churn", "churn")
put("carData", "TitanicSurvival", "titanic", "survived")
put("AER", "HMDA", "hmda", "deny")
put("carData", "Chile", "chile", "vote")
put("mlbench", "Vehicle", "vehicle", "Class")
put("carData", "SLID", "slid", "wages")
put("dslabs", "gapminder", "gapminder", "life_expectancy")
put("AER", "CPS1985", "cps1985", "wage")
RSCRIPT

/usr/bin/python3 - "$tmp" <<'PYTHON'
import csv, os, sys
from sklearn.datasets import load_breast_cancer
data = load_breast_cancer()
path = os.path.join(sys.argv[1], "breast_cancer.csv")
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow([n.replace(" ", "_") for n in data.feature_names] + ["diagnosis"])
    for row, target in zip(data.data, data.target):
        w.writerow([repr(float(v)) for v in row] + [data.target_names[target]])
print(f"breast_cancer    {len(data.target):6d} rows {len(data.feature_names) + 1:3d} columns  (python3-sklearn load_breast_cancer, target diagnosis)")
PYTHON

mkdir -p "$out"
mv "$tmp"/*.csv "$out"/
echo "extract.sh: wrote $(ls "$out"/*.csv | wc -l) tables to $out"
