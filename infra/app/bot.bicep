// The optional Discord gateway worker (bot/, its own Dockerfile): mentions, DMs and thread replies over the gateway
// WebSocket. A gateway connection must stay open, so when enabled this app keeps exactly one replica: it is the one
// part of the deployment that costs money while idle. Slash commands and buttons do not need it; they arrive over
// HTTP at the Functions app. When disabled the app still exists (so `azd deploy` finds it) with zero replicas: it has
// no ingress and no scale rule, so nothing ever starts one.
param name string
param location string
param tags object
param environmentId string
param identityId string
param identityClientId string
param registryLoginServer string

@description('Image azd deployed last (SERVICE_BOT_IMAGE_NAME); empty on the first provision, when a placeholder runs.')
param imageName string = ''

@description('One replica connected to the gateway; off = zero replicas.')
param enabled bool

@description('Which Discord secrets exist in the vault; the app references only those (a missing one fails the revision).')
param hasDiscordBotToken bool
param hasDiscordPublicKey bool

param keyVaultUri string

@description('Settings read from the vault: the model API keys the bot\'s engine sends and the link key, as [{ setting, secret }].')
param modelKeySecrets array = []

@description('The Functions app\'s URL: the Trajectory button links to its report pages.')
param publicBaseUrl string
param discordApplicationId string
param profile string
param storageBlobEndpoint string
param imagesContainerName string

@description('The account of the bot\'s durable engine (task hub), reached as the identity like its images and Discord settings.')
param storageAccountName string

@description('Task hub of the bot\'s own durable engine; apart from the Functions app\'s so neither runs the other\'s work.')
param taskHubName string = 'GenAgentBot'

@description('Profile overrides as environment variables (name/value pairs), the same the Functions app gets.')
param extraEnv array = []

param applicationInsightsConnectionString string

var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

resource bot 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'bot' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      // Container Apps reads these from Key Vault as the identity; the values are not in the template.
      secrets: concat(
        hasDiscordBotToken
          ? [
              {
                name: 'discord-bot-token'
                keyVaultUrl: '${keyVaultUri}secrets/discord-bot-token'
                identity: identityId
              }
            ]
          : [],
        hasDiscordPublicKey
          ? [
              {
                name: 'discord-public-key'
                keyVaultUrl: '${keyVaultUri}secrets/discord-public-key'
                identity: identityId
              }
            ]
          : [],
        map(modelKeySecrets, key => {
          name: key.secret
          keyVaultUrl: '${keyVaultUri}secrets/${key.secret}'
          identity: identityId
        })
      )
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: empty(imageName) ? placeholderImage : imageName
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat(
            hasDiscordBotToken
              ? [
                  {
                    name: 'Discord__BotToken'
                    secretRef: 'discord-bot-token'
                  }
                ]
              : [],
            hasDiscordPublicKey
              ? [
                  {
                    name: 'Discord__PublicKey'
                    secretRef: 'discord-public-key'
                  }
                ]
              : [],
            [
              {
                name: 'Discord__ApplicationId'
                value: discordApplicationId
              }
              {
                name: 'Discord__PublicBaseUrl'
                value: publicBaseUrl
              }
              {
                name: 'GenAgent__Profile'
                value: profile
              }
              {
                name: 'GenAgent__Store__Kind'
                value: 'blob'
              }
              {
                name: 'GenAgent__Store__ServiceUri'
                value: storageBlobEndpoint
              }
              {
                name: 'GenAgent__Store__ClientId'
                value: identityClientId
              }
              {
                name: 'GenAgent__Store__Container'
                value: imagesContainerName
              }
              {
                name: 'GenAgent__Durable__TaskHub'
                value: taskHubName
              }
              {
                name: 'GenAgent__Durable__accountName'
                value: storageAccountName
              }
              {
                name: 'GenAgent__Durable__credential'
                value: 'managedidentity'
              }
              {
                name: 'GenAgent__Durable__clientId'
                value: identityClientId
              }
              {
                name: 'AZURE_CLIENT_ID'
                value: identityClientId
              }
              {
                name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
                value: applicationInsightsConnectionString
              }
            ],
            map(modelKeySecrets, key => {
              name: key.setting
              secretRef: key.secret
            }),
            extraEnv
          )
        }
      ]
      scale: {
        // One gateway connection per bot token: never two (duplicate replies); zero only when disabled.
        minReplicas: enabled ? 1 : 0
        maxReplicas: 1
      }
    }
  }
}

output id string = bot.id
output name string = bot.name
