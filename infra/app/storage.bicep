// The app's storage account: the Durable task hub, images, request and result files, the request queues and the
// admission table. Shared-key access is off: every client authenticates with Entra ID (the apps' managed identity).
param name string
param location string
param tags object

@description('Container that holds the Functions app deployment package (Flex Consumption reads it through the identity).')
param deploymentContainerName string

@description('Container of the image store (GenAgent:Store:Container).')
param imagesContainerName string

@description('Container whose JSON / JSONL files request sessions (GenAgent:Triggers:RequestsContainer).')
param requestsContainerName string

@description('Container that receives the results of request files (GenAgent:Triggers:ResultsContainer).')
param resultsContainerName string

@description('Queues the request-queue trigger reads and writes (GenAgent:Triggers:RequestsQueue and PoisonQueue).')
param queueNames array

@description('Table that holds the admission counters shared by every instance.')
param admissionTableName string

@description('Days after which session images and request results are deleted by the lifecycle rule (backstop to the retention job).')
@minValue(1)
param retentionDays int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in [deploymentContainerName, imagesContainerName, requestsContainerName, resultsContainerName]: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queueNames: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource admissionTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = {
  parent: tableService
  name: admissionTableName
}

// Sessions live under sessions/<id>/ in the image container; usage/ roll-ups are kept. The retention timer deletes
// expired sessions daily; this rule catches whatever it misses (a stopped app, a failed run) at no compute cost.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-session-images'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${imagesContainerName}/sessions/']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
            }
          }
        }
        {
          name: 'expire-request-results'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${resultsContainerName}/', '${requestsContainerName}/']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: retentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [containers]
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
