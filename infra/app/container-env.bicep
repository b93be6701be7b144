// The Container Apps environment: the Consumption profile (bot) and a serverless GPU profile (worker), both billed
// per second of running replicas and able to scale to zero, plus the model share registered as environment storage.
param name string
param location string
param tags object
param logAnalyticsWorkspaceName string

@description('Serverless GPU profile type; availability differs by region (see infra/README.md).')
@allowed(['Consumption-GPU-NC8as-T4', 'Consumption-GPU-NC24-A100'])
param gpuProfileType string

@description('Name the worker app selects its profile by.')
param gpuProfileName string

@description('Add the GPU profile; without it the worker runs on the Consumption profile.')
param useGpu bool

param modelsStorageAccountName string
param modelsShareName string

@description('Name of the environment storage the worker mounts.')
param modelsStorageName string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource modelsAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: modelsStorageAccountName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: concat(
      [
        {
          name: 'Consumption'
          workloadProfileType: 'Consumption'
        }
      ],
      useGpu
        ? [
            {
              name: gpuProfileName
              workloadProfileType: gpuProfileType
            }
          ]
        : []
    )
  }
}

// The only place the models account's key is used; it is not an output and not written anywhere else.
resource models 'Microsoft.App/managedEnvironments/storages@2024-03-01' = {
  parent: environment
  name: modelsStorageName
  properties: {
    azureFile: {
      accountName: modelsAccount.name
      accountKey: modelsAccount.listKeys().keys[0].value
      shareName: modelsShareName
      accessMode: 'ReadOnly'
    }
  }
}

output id string = environment.id
output name string = environment.name
output defaultDomain string = environment.properties.defaultDomain
output modelsStorageName string = models.name
