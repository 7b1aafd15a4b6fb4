#!/usr/bin/env bash
# Brings the public-API baselines (src/*/PublicAPI.Unshipped.txt, checked by Microsoft.CodeAnalysis.PublicApiAnalyzers)
# in line with the code after a deliberate change of the public surface: builds, then adds every symbol that RS0016
# reports as undeclared to the project's PublicAPI.Unshipped.txt and drops every line that RS0017 reports as gone.
# Repeats until the build has no such errors (a project that fails stops the build of those that depend on it).
# Review the diff of the PublicAPI files: it is the change of the public API. At a release, move the Unshipped lines
# into PublicAPI.Shipped.txt.
# Usage: build/update-public-api.sh [project or solution; default Microsoft.ML.Gan.sln]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-Microsoft.ML.Gan.sln}"
for round in 1 2 3 4 5; do
    log=$(dotnet build "$target" -c Release -v quiet -nologo 2>&1 || true)
    errors=$(mktemp)
    grep -E 'error RS001[67]' <<<"$log" | sort -u >"$errors" || true
    if [ ! -s "$errors" ]; then
        rm -f "$errors"
        if grep -qE ': error ' <<<"$log"; then
            grep -E ': error ' <<<"$log" | sort -u >&2
            echo "The build fails for other reasons (above); fix them and run this again." >&2
            exit 1
        fi
        echo "The public-API baselines match the code."
        exit 0
    fi
    python3 - "$errors" <<'PY'
import re, sys, collections
added, removed = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1]).read().splitlines():
    project = re.search(r'\[([^\[\]]+\.csproj)\]\s*$', line).group(1)
    folder = project.rsplit('/', 1)[0]
    if m := re.search(r"error RS0016: Symbol '(.+)' is not part of the declared public API", line):
        added[folder].add(m.group(1))
    elif m := re.search(r"error RS0017: Symbol '(.+)' is part of the declared API, but is either not public or could not be found", line):
        removed[folder].add(m.group(1))
for folder in set(added) | set(removed):
    for name in ('PublicAPI.Shipped.txt', 'PublicAPI.Unshipped.txt'):
        path = f'{folder}/{name}'
        lines = open(path).read().splitlines()
        kept = [l for l in lines if l not in removed[folder]]
        if name == 'PublicAPI.Unshipped.txt':
            header = [l for l in kept if l.startswith('#')]
            kept = header + sorted(set(l for l in kept if not l.startswith('#')) | added[folder], key=str.lower)
        open(path, 'w').write('\n'.join(kept) + '\n')
    print(f'{folder}: {len(added[folder])} added, {len(removed[folder])} removed')
PY
    rm -f "$errors"
done
echo "The baselines still differ after 5 rounds; see the build's RS0016/RS0017 errors." >&2
exit 1
