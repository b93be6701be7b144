#!/usr/bin/env bash
# Starts the pinned Azurite on 127.0.0.1 (blob 10000, queue 10001, table 10002) in the background,
# installing it first when needed, and waits until it listens. Prints its PID on stdout.
# Usage: scripts/azurite.sh [data-folder]   (in-memory when no folder is given)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/tools/azurite"
if [ ! -x "$dir/node_modules/.bin/azurite" ]; then
  (cd "$dir" && npm ci --no-audit --no-fund >&2)
fi
if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  echo "Azurite (or something else) already listens on 127.0.0.1:10000; using it." >&2
  echo 0
  exit 0
fi
persist=(--inMemoryPersistence)
if [ $# -ge 1 ]; then persist=(--location "$1"); fi
"$dir/node_modules/.bin/azurite" --silent "${persist[@]}" --skipApiVersionCheck --disableTelemetry \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/10001) 2>/dev/null \
     && (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
    echo "$pid"
    exit 0
  fi
  sleep 0.2
done
echo "Azurite did not start within 20 s" >&2
kill "$pid" 2>/dev/null || true
exit 1
