// The Functions app on the Flex Consumption plan: .NET 10 isolated, scale to zero unless keepWarm. It runs as
// the user-assigned identity: the runtime's storage (AzureWebJobsStorage__*), the deployment package, the image store,
// Application Insights and the Key Vault references all authenticate with it, so no app setting holds a key.
param planName string
param appName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('Client id of that identity (what the SDKs and the runtime pick it by).')
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param imagesContainerName string
param requestsContainerName string
param resultsContainerName string
param requestsQueueName string
param poisonQueueName string
param retentionDays int

param applicationInsightsConnectionString string
param keyVaultName string

@description('GenAgent:Profile: offline, openai, vllm-genagent or one defined in settings.')
param profile string

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('One always-ready instance for the HTTP group (Discord\'s 3-second deadline, its PING when the endpoint URL is saved) and the durable group (the orchestrations the answer starts), billed while idle.')
param keepWarm bool = false

@description('GenAgent:Admission: sessions one user may run at once.')
param maxConcurrentPerUser int
@description('GenAgent:Admission: sessions the whole deployment may run at once.')
param maxConcurrentGlobal int
@description('GenAgent:Admission:KillSwitch: refuse every new session.')
param killSwitch bool = false

@description('Overrides of the profile; an empty value leaves the profile\'s setting in place.')
param agentBackend string = ''
param agentBaseUrl string = ''
param agentModel string = ''
param generatorBackend string = ''
param generatorBaseUrl string = ''
param generatorModel string = ''
param editorBackend string = ''
param editorBaseUrl string = ''
param editorModel string = ''

@description('Discord application id (public, not a secret); empty when Discord is not set up yet.')
param discordApplicationId string = ''

@description('Which secrets exist in the vault; only those get a Key Vault reference.')
param hasDiscordBotToken bool
param hasDiscordPublicKey bool
param hasAgentApiKey bool
param hasGeneratorApiKey bool

@description('The generator is our GPU worker: send the worker\'s key (gpu-worker-api-key) instead of generator-api-key.')
param generatorUsesWorkerKey bool
param hasEditorApiKey bool

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        // Off: idle costs nothing and the first request after idle pays a cold start, which can miss Discord's
        // 3-second deadline. On: one instance each for the HTTP triggers and the durable ones, as the Durable docs advise.
        alwaysReady: keepWarm
          ? [
              { name: 'http', instanceCount: 1 }
              { name: 'durable', instanceCount: 1 }
            ]
          : []
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Always set: what every deployment needs. Functions on Flex take the runtime from functionAppConfig, so
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION must not be app settings there.
var baseSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  GenAgent__Profile: profile
  GenAgent__Store__Kind: 'blob'
  GenAgent__Store__ServiceUri: storageBlobEndpoint
  GenAgent__Store__ClientId: identityClientId
  GenAgent__Store__Container: imagesContainerName
  GenAgent__Triggers__RequestsContainer: requestsContainerName
  GenAgent__Triggers__ResultsContainer: resultsContainerName
  GenAgent__Triggers__RequestsQueue: requestsQueueName
  GenAgent__Triggers__PoisonQueue: poisonQueueName
  GenAgent__Triggers__RetentionDays: string(retentionDays)
  GenAgent__Admission__MaxConcurrentPerUser: string(maxConcurrentPerUser)
  GenAgent__Admission__MaxConcurrentGlobal: string(maxConcurrentGlobal)
  GenAgent__Admission__KillSwitch: string(killSwitch)
  Discord__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
  // Report pages and images are anonymous routes that admit only links signed with this key.
  GenAgent__Api__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=api-link-key)'
}

// Set only when given: an empty environment value would override the profile's value with nothing.
var overrideSettings = union(
  empty(agentBackend) ? {} : { GenAgent__Agent__Backend: agentBackend },
  empty(agentBaseUrl) ? {} : { GenAgent__Agent__BaseUrl: agentBaseUrl },
  empty(agentModel) ? {} : { GenAgent__Agent__Model: agentModel },
  empty(generatorBackend) ? {} : { GenAgent__Generator__Backend: generatorBackend },
  empty(generatorBaseUrl) ? {} : { GenAgent__Generator__BaseUrl: generatorBaseUrl },
  empty(generatorModel) ? {} : { GenAgent__Generator__Model: generatorModel },
  empty(editorBackend) ? {} : { GenAgent__Editor__Backend: editorBackend },
  empty(editorBaseUrl) ? {} : { GenAgent__Editor__BaseUrl: editorBaseUrl },
  empty(editorModel) ? {} : { GenAgent__Editor__Model: editorModel },
  empty(discordApplicationId) ? {} : { Discord__ApplicationId: discordApplicationId }
)

// Secrets: Key Vault references resolved by the platform as keyVaultReferenceIdentity; the values never appear here.
var secretSettings = union(
  hasDiscordBotToken
    ? { Discord__BotToken: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=discord-bot-token)' }
    : {},
  hasDiscordPublicKey
    ? { Discord__PublicKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=discord-public-key)' }
    : {},
  hasAgentApiKey
    ? { GenAgent__Agent__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=agent-api-key)' }
    : {},
  generatorUsesWorkerKey
    ? { GenAgent__Generator__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=gpu-worker-api-key)' }
    : hasGeneratorApiKey
        ? { GenAgent__Generator__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=generator-api-key)' }
        : {},
  hasEditorApiKey
    ? { GenAgent__Editor__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=editor-api-key)' }
    : {}
)

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, overrideSettings, secretSettings)
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output url string = 'https://${app.properties.defaultHostName}'
