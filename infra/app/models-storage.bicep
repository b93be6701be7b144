// A separate storage account that holds only the GPU worker's model files, in an Azure Files share.
// Container Apps mounts an SMB Azure Files share only with the account key, so this account must allow shared-key
// access. Keeping it apart from the app's account confines that key to model weights (no user data, no task hub).
// The key never leaves Azure Resource Manager: the environment's storage definition reads it with listKeys() and
// nothing outputs or writes it.
param name string
param location string
param tags object

@description('Name of the file share the worker mounts at /models.')
param shareName string

@description('Share quota in GiB; pay for what is stored, not for the quota.')
@minValue(1)
param shareQuotaGiB int = 100

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: union(tags, { purpose: 'models' })
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // Required by the SMB mount of Azure Container Apps (see above).
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    largeFileSharesState: 'Enabled'
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: shareQuotaGiB
    enabledProtocols: 'SMB'
  }
}

output id string = storage.id
output name string = storage.name
output shareName string = share.name
