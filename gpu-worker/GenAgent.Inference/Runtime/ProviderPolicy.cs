namespace GenAgent.Inference.Runtime;

/// <summary>Which ONNX Runtime execution provider a session factory uses.</summary>
public enum ProviderPolicy
{
    /// <summary>CUDA or nothing: a host without CUDA 13 + cuDNN 9 fails at startup ("cuda-required").</summary>
    CudaRequired,

    /// <summary>CUDA when it loads, otherwise the CPU provider, reported as the fallback reason ("cuda-preferred").</summary>
    CudaPreferred,

    /// <summary>The CPU provider only ("cpu").</summary>
    Cpu,
}
