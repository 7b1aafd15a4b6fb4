#!/usr/bin/env bash
# Fills a project's PublicAPI.Shipped.txt with the symbols the PublicApiAnalyzers report as undeclared (RS0016) and
# drops the ones it reports as gone (RS0017), from one build. Review the diff: every line is a public API decision.
# Usage: build/public-api-baseline.sh src/Microsoft.ML.Gan.Images
set -euo pipefail
project="${1:?usage: build/public-api-baseline.sh <project folder>}"
shipped="$project/PublicAPI.Shipped.txt"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet build "$project" -c Release -v quiet -nologo -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
added="$(grep -o "RS0016: Symbol '[^']*'" "$log" | sed "s/^RS0016: Symbol '//; s/'\$//" | sort -u || true)"
removed="$(grep -o "RS0017: Symbol '[^']*'" "$log" | sed "s/^RS0017: Symbol '//; s/'\$//" | sort -u || true)"
{
    echo "#nullable enable"
    { grep -v '^#nullable' "$shipped" || true; [ -z "$added" ] || echo "$added"; } | sed '/^$/d' | sort -u |
        if [ -n "$removed" ]; then grep -vxF -f <(printf '%s\n' "$removed") || true; else cat; fi
} >"$shipped.new"
mv "$shipped.new" "$shipped"
echo "$(echo -n "$added" | grep -c '^' || true) added, $(echo -n "$removed" | grep -c '^' || true) removed; $(grep -vc '^#' "$shipped") lines in $shipped"
