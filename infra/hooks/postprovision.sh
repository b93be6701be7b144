#!/bin/sh
# azd runs this after `azd provision` with the deployment's outputs in the environment. It writes settings for running
# the apps locally against the provisioned resources, signed in as yourself (az login / azd auth login): no key, no
# token, no secret is written; add model API keys with user-secrets or the environment yourself.
#   .azure/$AZURE_ENV_NAME/genagent.env      every output as KEY=value (for `set -a; . file`)
#   functions/local.settings.json            only when it does not exist yet (never overwrites your keys)
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
: "${AZURE_ENV_NAME:?azd sets AZURE_ENV_NAME; run this through azd}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?the provision outputs are missing}"

envdir="$root/.azure/$AZURE_ENV_NAME"
mkdir -p "$envdir"
envfile="$envdir/genagent.env"
{
  echo "# Written by infra/hooks/postprovision.sh from the azd outputs. No secrets."
  echo "AZURE_FUNCTION_APP_URL=${AZURE_FUNCTION_APP_URL:-}"
  echo "DISCORD_INTERACTIONS_URL=${DISCORD_INTERACTIONS_URL:-}"
  echo "GPU_WORKER_URL=${GPU_WORKER_URL:-}"
  echo "AZURE_STORAGE_ACCOUNT_NAME=$AZURE_STORAGE_ACCOUNT_NAME"
  echo "AZURE_STORAGE_BLOB_ENDPOINT=${AZURE_STORAGE_BLOB_ENDPOINT:-}"
  echo "AZURE_KEY_VAULT_NAME=${AZURE_KEY_VAULT_NAME:-}"
  echo "AZURE_CONTAINER_REGISTRY_ENDPOINT=${AZURE_CONTAINER_REGISTRY_ENDPOINT:-}"
  # The GenAgent settings the CLI and `genagent serve` read, pointed at the provisioned account.
  echo "GenAgent__Store__Kind=blob"
  echo "GenAgent__Store__ServiceUri=${AZURE_STORAGE_BLOB_ENDPOINT:-}"
  echo "GenAgent__Store__Container=images"
} > "$envfile"
echo "wrote $envfile"

settings="$root/functions/local.settings.json"
if [ -e "$settings" ]; then
  echo "kept $settings (it exists; see $envfile for the provisioned values)"
  exit 0
fi
generator=""
if [ -n "${GPU_WORKER_URL:-}" ]; then
  generator="$(printf ',\n    "GenAgent__Generator__Backend": "genagent-server",\n    "GenAgent__Generator__BaseUrl": "%s"' "$GPU_WORKER_URL")"
fi
cat > "$settings" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    "AzureWebJobsStorage__accountName": "$AZURE_STORAGE_ACCOUNT_NAME",
    "AzureFunctionsJobHost__extensions__durableTask__hubName": "GenAgentLocal",
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "GenAgent__Profile": "${GENAGENT_PROFILE:-offline}",
    "GenAgent__Store__Kind": "blob",
    "GenAgent__Store__ServiceUri": "${AZURE_STORAGE_BLOB_ENDPOINT:-}",
    "GenAgent__Store__Container": "images"$generator
  }
}
JSON
echo "wrote $settings (task hub GenAgentLocal, so a local run never takes the deployed app's work)"
