#!/bin/sh
# azd runs this after `azd deploy`. Event Grid checks the webhook when a subscription is created, so the request-file
# subscription can only be made once the Functions app's code answers at /api/events. The first time, turn it on and
# provision again (only the subscription is new); later deploys find it on and do nothing.
set -eu
if [ "${GENAGENT_SUBSCRIBE_EVENTS:-false}" = "true" ]; then
  echo "Event Grid subscription for request files is on."
  exit 0
fi
echo "Creating the Event Grid subscription for request files (azd provision)..."
azd env set GENAGENT_SUBSCRIBE_EVENTS true
azd provision --no-prompt
