// The GPU worker (gpu-worker/, its own Dockerfile): ONNX diffusion behind GET /health and the generation API on port
// 8080, on the serverless GPU profile. It scales to zero when no request arrives and back out on the first one
// (a cold start loads the models from the share); models come read-only from the Azure Files share at /models.
param name string
param location string
param tags object
param environmentId string
param gpuProfileName string

@description('Determines the CPU and memory the container asks for; it must fit the profile.')
@allowed(['Consumption-GPU-NC8as-T4', 'Consumption-GPU-NC24-A100'])
param gpuProfileType string

@description('Run on the GPU profile; off runs on the Consumption profile with the CPU provider.')
param useGpu bool

param identityId string
param identityClientId string
param registryLoginServer string

@description('The vault holding gpu-worker-api-key, which every caller must send (Worker__ApiKey).')
param keyVaultUri string

@description('Image azd deployed last (SERVICE_GPU_WORKER_IMAGE_NAME); empty on the first provision, when a placeholder runs.')
param imageName string = ''

param modelsStorageName string

@minValue(1)
@maxValue(20)
param maxReplicas int = 1

@description('Requests one replica serves at once before another is started.')
param concurrentRequests int = 1

param applicationInsightsConnectionString string

// The first provision runs before any image is built: the placeholder serves port 80 and has no /health, so ingress
// follows it and the probes wait for the real image (port 8080).
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
var placeholder = empty(imageName)
var workerPort = 8080
var port = placeholder ? 80 : workerPort
// A serverless GPU replica gets the whole GPU; these are the profile's per-replica maximums.
var cpuSize = {
  cpu: '4'
  memory: '8Gi'
}
var size = useGpu ? sizes[gpuProfileType] : cpuSize
var sizes = {
  'Consumption-GPU-NC8as-T4': {
    cpu: '8'
    memory: '56Gi'
  }
  'Consumption-GPU-NC24-A100': {
    cpu: '24'
    memory: '220Gi'
  }
}

resource worker 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'gpu-worker' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: useGpu ? gpuProfileName : 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryLoginServer
          identity: identityId
        }
      ]
      // The ingress is public, so the worker refuses callers without its key (the health probes need none).
      secrets: [
        {
          name: 'worker-api-key'
          keyVaultUrl: '${keyVaultUri}secrets/gpu-worker-api-key'
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'gpu-worker'
          image: placeholder ? placeholderImage : imageName
          resources: {
            cpu: json(size.cpu)
            memory: size.memory
          }
          env: [
            {
              name: 'Models__Path'
              value: '/models'
            }
            {
              // The ONNX Runtime provider policy: on the GPU profile a missing CUDA is an error, not a slow CPU fallback.
              name: 'Worker__Provider'
              value: useGpu ? 'cuda-required' : 'cpu'
            }
            {
              name: 'Worker__ApiKey'
              secretRef: 'worker-api-key'
            }
            {
              name: 'AZURE_CLIENT_ID'
              value: identityClientId
            }
            {
              name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
              value: applicationInsightsConnectionString
            }
          ]
          volumeMounts: [
            {
              volumeName: 'models'
              mountPath: '/models'
            }
          ]
          probes: placeholder
            ? []
            : [
                {
                  // Loading the models from the share on a cold start takes minutes; allow up to 10 x 30 s.
                  type: 'Startup'
                  httpGet: {
                    path: '/health'
                    port: workerPort
                  }
                  initialDelaySeconds: 10
                  periodSeconds: 30
                  failureThreshold: 10
                  timeoutSeconds: 5
                }
                {
                  type: 'Liveness'
                  httpGet: {
                    path: '/health'
                    port: workerPort
                  }
                  periodSeconds: 30
                  failureThreshold: 3
                  timeoutSeconds: 5
                }
                {
                  type: 'Readiness'
                  httpGet: {
                    path: '/health'
                    port: workerPort
                  }
                  periodSeconds: 10
                  failureThreshold: 3
                  timeoutSeconds: 5
                }
              ]
        }
      ]
      volumes: [
        {
          name: 'models'
          storageType: 'AzureFile'
          storageName: modelsStorageName
        }
      ]
      scale: {
        // Zero replicas while idle: a GPU is billed only while a request keeps a replica alive.
        minReplicas: 0
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
}

output id string = worker.id
output name string = worker.name
output url string = 'https://${worker.properties.configuration.ingress.fqdn}'
