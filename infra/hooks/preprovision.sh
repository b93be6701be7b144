#!/bin/sh
# azd runs this before every `azd provision`. It makes the two keys the deployment generates, once: the GPU worker's
# caller key and the link-signing key are written to the azd environment (.azure/<env>/.env, git-ignored) the first
# time and reused by every later provision, so the apps and the worker keep agreeing and signed report links, image
# links and Discord "Trajectory" buttons keep working. To rotate one on purpose, set a new value and provision:
#   azd env set GENAGENT_LINK_KEY "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" && azd provision
set -eu
for name in GENAGENT_WORKER_API_KEY GENAGENT_LINK_KEY; do
  current="$(azd env get-value "$name" 2>/dev/null || true)"
  # `azd env get-value` prints an error text, not a value, for a missing key on some versions: accept only a real key.
  if printf '%s' "$current" | grep -Eq '^[0-9a-f]{64}$'; then
    echo "$name: kept"
    continue
  fi
  azd env set "$name" "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" >/dev/null
  echo "$name: made (kept in the azd environment from now on)"
done
