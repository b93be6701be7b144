// The one user-assigned identity every app runs as: storage, Key Vault, the registry and monitoring grant it roles,
// so no app holds a key or a connection string with a secret in it.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
