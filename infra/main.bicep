// GenAgent on Azure: `azd up` provisions this into one resource group and deploys the Functions app (api), the GPU
// worker and, optionally, the Discord gateway bot. Nothing runs while idle except the bot (when deployed) and, with
// Discord set up, one always-ready Functions instance per group (keepWarm); no secret is in any file: secrets arrive as
// secure parameters from the azd environment and go straight into Key Vault.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; prefixes the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource. The GPU profile decides which regions work (see infra/README.md).')
param location string

@description('Principal id of the person running azd (AZURE_PRINCIPAL_ID): may upload request files and read results.')
param principalId string = ''

@description('GenAgent:Profile of the apps: offline (no keys), openai, vllm-genagent, ...')
param genAgentProfile string = 'offline'

@description('Profile overrides for the agent model; empty keeps the profile\'s value.')
param agentBackend string = ''
param agentBaseUrl string = ''
param agentModel string = ''

@description('Send image generation to the GPU worker (genagent-server backend at the worker\'s URL).')
param useGpuWorkerAsGenerator bool = true

@description('Editor overrides; empty keeps the profile\'s value.')
param editorBackend string = ''
param editorBaseUrl string = ''
param editorModel string = ''

@description('Serverless GPU type of the worker.')
@allowed(['Consumption-GPU-NC8as-T4', 'Consumption-GPU-NC24-A100'])
param gpuProfileType string = 'Consumption-GPU-NC8as-T4'

@description('Run the worker on the serverless GPU profile; off runs it on the CPU Consumption profile (regions without serverless GPUs, smoke tests).')
param useGpu bool = true

@description('Run the Discord gateway bot (one replica, billed while idle). Off = zero replicas: interactions only, fully serverless.')
param botEnabled bool = false

@description('Create the Event Grid subscription for request files (needs the app deployed; the postdeploy hook sets it).')
param subscribeEvents bool = false

@description('Days images, request files and results are kept.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 30

@description('Sessions one user may run at once.')
@minValue(1)
param maxConcurrentPerUser int = 2

@description('Sessions the whole deployment may run at once.')
@minValue(1)
param maxConcurrentGlobal int = 8

@description('Most GPU worker replicas at once.')
@minValue(1)
@maxValue(20)
param gpuWorkerMaxReplicas int = 1

@description('Images azd deployed last; empty on the first provision.')
param gpuWorkerImageName string = ''
param botImageName string = ''

@description('Discord application id (public).')
param discordApplicationId string = ''

@secure()
@description('Discord bot token (azd env set DISCORD_BOT_TOKEN ...).')
param discordBotToken string = ''

@secure()
@description('Discord application public key (azd env set DISCORD_PUBLIC_KEY ...).')
param discordPublicKey string = ''

@secure()
param agentApiKey string = ''

@secure()
param generatorApiKey string = ''

@secure()
param editorApiKey string = ''

// Both keys are made once, by infra/hooks/preprovision.sh into the azd environment, and sent again by every provision:
// a fresh key per provision would break the app-to-worker key and every signed link (reports, Trajectory buttons).
@secure()
@minLength(32)
@description('Key the GPU worker requires from every caller (GENAGENT_WORKER_API_KEY, made once by the preprovision hook).')
param gpuWorkerApiKey string

@secure()
@minLength(32)
@description('Signs report and image links (GenAgent__Api__ApiKey), which browsers open without a function key (GENAGENT_LINK_KEY, made once by the preprovision hook).')
param apiLinkKey string

@description('Keep one instance of the Functions app\'s HTTP and durable groups always ready (billed while idle), so Discord\'s 3-second deadline holds after idle. auto: on when Discord is set up.')
@allowed(['auto', 'on', 'off'])
param keepWarm string = 'auto'

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var imagesContainerName = 'images'
var requestsContainerName = 'requests'
var resultsContainerName = 'results'
var requestsQueueName = 'genagent-requests'
var poisonQueueName = 'genagent-requests-poison'
var gpuProfileName = 'gpu'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    imagesContainerName: imagesContainerName
    requestsContainerName: requestsContainerName
    resultsContainerName: resultsContainerName
    queueNames: [requestsQueueName, poisonQueueName]
    admissionTableName: 'GenAgentAdmission'
    retentionDays: retentionDays
  }
}

module vault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    discordBotToken: discordBotToken
    discordPublicKey: discordPublicKey
    agentApiKey: agentApiKey
    generatorApiKey: generatorApiKey
    editorApiKey: editorApiKey
    gpuWorkerApiKey: gpuWorkerApiKey
    apiLinkKey: apiLinkKey
  }
}

module registry 'app/registry.bicep' = {
  name: 'registry'
  scope: rg
  params: {
    name: '${abbrs.containerRegistryRegistries}${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'app/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: vault.outputs.name
    registryName: registry.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module modelsStorage 'app/models-storage.bicep' = {
  name: 'models-storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}models${take(resourceToken, 13)}'
    location: location
    tags: tags
    shareName: 'models'
  }
}

module containerEnv 'app/container-env.bicep' = {
  name: 'container-env'
  scope: rg
  params: {
    name: '${abbrs.appManagedEnvironments}${resourceToken}'
    location: location
    tags: tags
    logAnalyticsWorkspaceName: monitoring.outputs.logAnalyticsWorkspaceName
    gpuProfileType: gpuProfileType
    gpuProfileName: gpuProfileName
    useGpu: useGpu
    modelsStorageAccountName: modelsStorage.outputs.name
    modelsShareName: modelsStorage.outputs.shareName
    modelsStorageName: 'models'
  }
}

module gpuWorker 'app/gpu-worker.bicep' = {
  name: 'gpu-worker'
  scope: rg
  params: {
    name: '${abbrs.appContainerApps}gpu-${resourceToken}'
    location: location
    tags: tags
    environmentId: containerEnv.outputs.id
    gpuProfileName: gpuProfileName
    gpuProfileType: gpuProfileType
    useGpu: useGpu
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    imageName: gpuWorkerImageName
    modelsStorageName: containerEnv.outputs.modelsStorageName
    maxReplicas: gpuWorkerMaxReplicas
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: vault.outputs.uri
  }
  dependsOn: [roles]
}

var generatorBackend = useGpuWorkerAsGenerator ? 'genagent-server' : ''
var generatorBaseUrl = useGpuWorkerAsGenerator ? gpuWorker.outputs.url : ''

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    appName: '${abbrs.webSitesFunctions}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    imagesContainerName: imagesContainerName
    requestsContainerName: requestsContainerName
    resultsContainerName: resultsContainerName
    requestsQueueName: requestsQueueName
    poisonQueueName: poisonQueueName
    retentionDays: retentionDays
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultName: vault.outputs.name
    profile: genAgentProfile
    keepWarm: keepWarm == 'on' || (keepWarm == 'auto' && !empty(discordPublicKey))
    maxConcurrentPerUser: maxConcurrentPerUser
    maxConcurrentGlobal: maxConcurrentGlobal
    agentBackend: agentBackend
    agentBaseUrl: agentBaseUrl
    agentModel: agentModel
    generatorBackend: generatorBackend
    generatorBaseUrl: generatorBaseUrl
    editorBackend: editorBackend
    editorBaseUrl: editorBaseUrl
    editorModel: editorModel
    discordApplicationId: discordApplicationId
    hasDiscordBotToken: !empty(discordBotToken)
    hasDiscordPublicKey: !empty(discordPublicKey)
    hasAgentApiKey: !empty(agentApiKey)
    hasGeneratorApiKey: !empty(generatorApiKey)
    generatorUsesWorkerKey: useGpuWorkerAsGenerator
    hasEditorApiKey: !empty(editorApiKey)
  }
  // The app's first start reads storage and Key Vault as the identity: grant the roles before it exists.
  dependsOn: [roles]
}

module events 'app/eventgrid.bicep' = {
  name: 'eventgrid'
  scope: rg
  params: {
    systemTopicName: '${abbrs.eventGridDomainsTopics}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    requestsContainerName: requestsContainerName
    functionAppName: functions.outputs.name
    subscribe: subscribeEvents
  }
}

// The same profile overrides the Functions app gets, for the bot's own engine.
var botOverrides = filter(
  [
    { name: 'GenAgent__Agent__Backend', value: agentBackend }
    { name: 'GenAgent__Agent__BaseUrl', value: agentBaseUrl }
    { name: 'GenAgent__Agent__Model', value: agentModel }
    { name: 'GenAgent__Generator__Backend', value: generatorBackend }
    { name: 'GenAgent__Generator__BaseUrl', value: generatorBaseUrl }
    { name: 'GenAgent__Editor__Backend', value: editorBackend }
    { name: 'GenAgent__Editor__BaseUrl', value: editorBaseUrl }
    { name: 'GenAgent__Editor__Model', value: editorModel }
  ],
  setting => !empty(setting.value)
)

// The bot runs sessions itself, so it sends the same model keys as the Functions app, and signs its Trajectory links
// with the app's link key.
var botModelKeySecrets = concat(
  [{ setting: 'GenAgent__Api__ApiKey', secret: 'api-link-key' }],
  empty(agentApiKey) ? [] : [{ setting: 'GenAgent__Agent__ApiKey', secret: 'agent-api-key' }],
  useGpuWorkerAsGenerator
    ? [{ setting: 'GenAgent__Generator__ApiKey', secret: 'gpu-worker-api-key' }]
    : empty(generatorApiKey) ? [] : [{ setting: 'GenAgent__Generator__ApiKey', secret: 'generator-api-key' }],
  empty(editorApiKey) ? [] : [{ setting: 'GenAgent__Editor__ApiKey', secret: 'editor-api-key' }]
)

module bot 'app/bot.bicep' = {
  name: 'bot'
  scope: rg
  params: {
    name: '${abbrs.appContainerApps}bot-${resourceToken}'
    location: location
    tags: tags
    environmentId: containerEnv.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    imageName: botImageName
    enabled: botEnabled
    hasDiscordBotToken: !empty(discordBotToken)
    hasDiscordPublicKey: !empty(discordPublicKey)
    keyVaultUri: vault.outputs.uri
    modelKeySecrets: botModelKeySecrets
    publicBaseUrl: functions.outputs.url
    discordApplicationId: discordApplicationId
    profile: genAgentProfile
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageAccountName: storage.outputs.name
    imagesContainerName: imagesContainerName
    extraEnv: botOverrides
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
  }
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_URL string = functions.outputs.url
output DISCORD_INTERACTIONS_URL string = '${functions.outputs.url}/api/discord/interactions'
output GPU_WORKER_URL string = gpuWorker.outputs.url
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerEnv.outputs.name
output MODELS_STORAGE_ACCOUNT_NAME string = modelsStorage.outputs.name
output MODELS_SHARE_NAME string = modelsStorage.outputs.shareName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output GENAGENT_EVENTS_SUBSCRIBED bool = subscribeEvents
output GENAGENT_BOT_ENABLED bool = botEnabled
