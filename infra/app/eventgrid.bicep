// Blob-created events for the requests container, delivered as CloudEvents 1.0 to the app's Events function
// (POST /api/events), which answers the CloudEvents abuse-protection handshake (OPTIONS) and starts the file's
// sessions. On Flex Consumption this replaces the polling blob trigger.
param systemTopicName string
param location string
param tags object
param storageAccountName string
param requestsContainerName string
param functionAppName string

@description('Create the subscription. Event Grid validates the endpoint when the subscription is created, so the app\'s code must be deployed first: the postdeploy hook turns this on and provisions again.')
param subscribe bool

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource requests 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (subscribe) {
  parent: topic
  name: 'requests-blob-created'
  properties: {
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The function is AuthorizationLevel.Function: the key travels as ?code=, read from the app at deployment.
        endpointUrl: 'https://${app.properties.defaultHostName}/api/events?code=${listKeys('${app.id}/host/default', '2024-04-01').functionKeys.default}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${requestsContainerName}/blobs/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = topic.name
output subscribed bool = subscribe
