#!/usr/bin/env bash
# The README's test command. Provides what the tests need (as root: installs Fashion-MNIST and PostgreSQL, starts the
# server on loopback, creates its test role and database; otherwise says in one line what is missing, and the tests
# that need it are skipped with the reason), builds the solution and runs every test project, one test module at a
# time (torch-heavy tests must not compete for the cores), then prints the closing line
# "N passed, N failed, N skipped" computed from the TRX results. Safe to run again.
# The golden-model writers (category GoldenWriter, tools that regenerate test/*/GoldenModels on purpose) are left out.
# Usage: build/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source build/test-prerequisites.sh
prerequisites_prepare

configuration="${CONFIGURATION:-Release}"
# The tests train many tiny models, where a second torch thread only adds OpenMP overhead, and CI machines are shared:
# one thread unless the caller says otherwise (the library's own default is torch's, one per core).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
results="$PWD/TestResults"
rm -rf "$results"

dotnet build Microsoft.ML.Gan.sln -c "$configuration" -v quiet -nologo

# A caller's own --filter replaces the default one (combine them with '&' to keep the writers out).
filter=(--filter "TestCategory!=GoldenWriter")
for argument in "$@"; do
    [ "$argument" = "--filter" ] && filter=()
done

status=0
dotnet test --solution Microsoft.ML.Gan.sln -c "$configuration" --no-build \
    --max-parallel-test-modules 1 --results-directory "$results" --report-trx "${filter[@]}" "$@" || status=$?

passed=0; failed=0; skipped=0; reports=0
for report in "$results"/*.trx; do
    [ -e "$report" ] || continue
    reports=$((reports + 1))
    counters=$(grep -o '<Counters [^>]*>' "$report" | head -n 1)
    value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    total=$(value total); executed=$(value executed); ok=$(value passed)
    passed=$((passed + ok))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + total - executed))
done

if [ "$reports" -eq 0 ]; then
    echo "No test results were written (dotnet test exited with $status)." >&2
    failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
