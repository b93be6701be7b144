using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace GenAgent.Inference.Runtime;

/// <summary>
/// Creates ONNX Runtime sessions under one provider policy. The provider is decided once, in the
/// constructor, by actually appending CUDA: <c>GetAvailableProviders()</c> lists CUDA even where its
/// libraries are missing, so it proves nothing.
/// </summary>
public sealed class OrtSessionFactory
{
    public const string CudaProvider = "CUDA";
    public const string CpuProvider = "CPU";

    private readonly ILogger _logger;

    public OrtSessionFactory(ProviderPolicy policy, int cudaDeviceId = 0, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cudaDeviceId);
        Policy = policy;
        CudaDeviceId = cudaDeviceId;
        _logger = logger ?? NullLogger.Instance;
        (ActiveProvider, FallbackReason) = ResolveProvider();
        Logs.ProviderSelected(_logger, policy.ToName(), ActiveProvider);
    }

    public ProviderPolicy Policy { get; }

    public int CudaDeviceId { get; }

    /// <summary>"CUDA" or "CPU".</summary>
    public string ActiveProvider { get; }

    /// <summary>Why CUDA is not used under cuda-preferred; null when CUDA is active or the policy is cpu.</summary>
    public string? FallbackReason { get; }

    /// <summary>Every session run of pipelines built on this factory goes through this timer.</summary>
    public RunTimer RunTimer { get; } = new();

    /// <summary>Session options for the active provider, for libraries that build their own sessions (OCR).</summary>
    public SessionOptions CreateOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (ActiveProvider == CudaProvider)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(CudaDeviceId);
            }
            catch
            {
                options.Dispose();
                throw;
            }
        }

        return options;
    }

    public InferenceSession Create(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        using var options = CreateOptions();
        return new InferenceSession(modelPath, options);
    }

    public InferenceSession Create(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = CreateOptions();
        return new InferenceSession(model, options);
    }

    private (string Provider, string? FallbackReason) ResolveProvider()
    {
        if (Policy == ProviderPolicy.Cpu)
        {
            return (CpuProvider, null);
        }

        var failure = TryAppendCuda();
        if (failure is null)
        {
            return (CudaProvider, null);
        }

        if (Policy == ProviderPolicy.CudaRequired)
        {
            throw new ProviderUnavailableException(
                $"The CUDA execution provider could not be loaded (device {CudaDeviceId}): {failure.Message.TrimEnd('.', ' ')}. "
                + "ONNX Runtime 1.31 needs CUDA 13 and cuDNN 9 (libcudart.so.13, libcublasLt.so.13, libcudnn.so.9) on the library path. "
                + $"Use the provider policy '{ProviderPolicyNames.CudaPreferred}' to fall back to the CPU, or '{ProviderPolicyNames.Cpu}'.",
                failure);
        }

        var reason = $"CUDA could not be loaded: {failure.Message}";
        Logs.CudaFallback(_logger, reason);
        return (CpuProvider, reason);
    }

    private Exception? TryAppendCuda()
    {
        using var probe = new SessionOptions();
        try
        {
            probe.AppendExecutionProvider_CUDA(CudaDeviceId);
            return null;
        }
        catch (OnnxRuntimeException ex)
        {
            return ex;
        }
        catch (EntryPointNotFoundException ex)
        {
            return ex;
        }
        catch (DllNotFoundException ex)
        {
            return ex;
        }
    }
}
