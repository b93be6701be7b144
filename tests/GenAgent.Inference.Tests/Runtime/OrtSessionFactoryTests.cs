using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;
using Microsoft.ML.OnnxRuntime;

namespace GenAgent.Inference.Tests.Runtime;

/// <summary>These run on a machine without CUDA (the development and CI machines); on a CUDA host the first two would see CUDA.</summary>
public sealed class OrtSessionFactoryTests
{
    private static bool CudaLoads()
    {
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(0);
            return true;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [Fact]
    public void Cuda_required_without_cuda_fails_with_what_to_install()
    {
        if (CudaLoads())
        {
            Assert.Equal(OrtSessionFactory.CudaProvider, new OrtSessionFactory(ProviderPolicy.CudaRequired).ActiveProvider);
            return;
        }

        var error = Assert.Throws<ProviderUnavailableException>(() => new OrtSessionFactory(ProviderPolicy.CudaRequired));

        Assert.Contains("CUDA 13", error.Message, StringComparison.Ordinal);
        Assert.Contains("cuDNN 9", error.Message, StringComparison.Ordinal);
        Assert.Contains("cuda-preferred", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cpu'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public void Cuda_preferred_without_cuda_falls_back_to_cpu_and_says_why()
    {
        var factory = new OrtSessionFactory(ProviderPolicy.CudaPreferred);
        if (CudaLoads())
        {
            Assert.Equal(OrtSessionFactory.CudaProvider, factory.ActiveProvider);
            Assert.Null(factory.FallbackReason);
            return;
        }

        Assert.Equal(OrtSessionFactory.CpuProvider, factory.ActiveProvider);
        Assert.NotNull(factory.FallbackReason);
        Assert.Contains("CUDA", factory.FallbackReason, StringComparison.Ordinal);
        using var session = factory.Create(TinyClip.TextEncoder());
        Assert.Contains("input_ids", session.InputMetadata.Keys);
    }

    [Fact]
    public void Cpu_policy_uses_cpu_without_a_fallback_reason()
    {
        var factory = new OrtSessionFactory(ProviderPolicy.Cpu);

        Assert.Equal(OrtSessionFactory.CpuProvider, factory.ActiveProvider);
        Assert.Null(factory.FallbackReason);
        using var options = factory.CreateOptions();
        using var session = new InferenceSession(TinyClip.VisionEncoder(), options);
        Assert.Equal(["image_embeds"], session.OutputMetadata.Keys);
    }

    [Theory]
    [InlineData("cuda-required", ProviderPolicy.CudaRequired)]
    [InlineData("cuda-preferred", ProviderPolicy.CudaPreferred)]
    [InlineData(" CPU ", ProviderPolicy.Cpu)]
    public void Policy_names_parse(string name, ProviderPolicy policy)
    {
        Assert.Equal(policy, ProviderPolicyNames.Parse(name));
        Assert.Equal(name.Trim().ToLowerInvariant(), policy.ToName());
    }

    [Fact]
    public void Unknown_policy_lists_the_valid_values()
    {
        var error = Assert.Throws<ArgumentException>(() => ProviderPolicyNames.Parse("gpu"));

        Assert.Contains("cuda-required, cuda-preferred, cpu", error.Message, StringComparison.Ordinal);
    }
}
