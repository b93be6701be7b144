// Key Vault in RBAC mode: the Discord credentials and model API keys. A secret is created only when its value was
// given (azd env set ...), so the apps reference only secrets that exist. Apps read them as the managed identity,
// through Key Vault references (Functions) or Key Vault secrets (Container Apps).
param name string
param location string
param tags object

@secure()
param discordBotToken string
@secure()
param discordPublicKey string
@secure()
param agentApiKey string
@secure()
param generatorApiKey string
@secure()
param editorApiKey string
@secure()
@description('The key the GPU worker requires (Worker__ApiKey); always set.')
param gpuWorkerApiKey string
@secure()
@description('Signs the report and image links of the Functions app (GenAgent__Api__ApiKey); always set.')
param apiLinkKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource discordBotTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(discordBotToken)) {
  parent: vault
  name: 'discord-bot-token'
  properties: {
    value: discordBotToken
  }
}

resource discordPublicKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(discordPublicKey)) {
  parent: vault
  name: 'discord-public-key'
  properties: {
    value: discordPublicKey
  }
}

resource agentApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(agentApiKey)) {
  parent: vault
  name: 'agent-api-key'
  properties: {
    value: agentApiKey
  }
}

resource generatorApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(generatorApiKey)) {
  parent: vault
  name: 'generator-api-key'
  properties: {
    value: generatorApiKey
  }
}

resource editorApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(editorApiKey)) {
  parent: vault
  name: 'editor-api-key'
  properties: {
    value: editorApiKey
  }
}

resource gpuWorkerApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'gpu-worker-api-key'
  properties: {
    value: gpuWorkerApiKey
  }
}

resource apiLinkKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'api-link-key'
  properties: {
    value: apiLinkKey
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
