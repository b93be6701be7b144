using System.Reflection;
using GenAgent.Inference.Judges;
using GenAgent.Inference.Runtime;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Runtime;

/// <summary>Real weights (ResNet18 from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package) through the session factory.</summary>
public sealed class ResNet18SmokeTests
{
    private static string ModelPath => typeof(ResNet18SmokeTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ResNet18Onnx").Value!;

    private static float[] Features(InferenceSession session, RunTimer timer, SKColor colour)
    {
        var pixels = ClipPreprocessor.Preprocess(TestImages.Solid(256, 256, colour));
        using var input = OrtValue.CreateTensorValueFromMemory(pixels, [1, 3, 224, 224]);
        using var outputs = timer.Run(session, ["Input247"], [input], ["Pooling395_Output_0"]);
        Assert.Equal([1L, 512, 1, 1], outputs[0].GetTensorTypeAndShape().Shape);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    [Fact]
    public void Loads_and_runs_under_cuda_preferred()
    {
        Assert.True(File.Exists(ModelPath), $"ResNet18 not found at {ModelPath}");
        var factory = new OrtSessionFactory(ProviderPolicy.CudaPreferred);
        using var session = factory.Create(ModelPath);

        Assert.Equal([1, 3, 224, 224], session.InputMetadata["Input247"].Dimensions);
        var red = Features(session, factory.RunTimer, SKColors.Red);
        var blue = Features(session, factory.RunTimer, SKColors.Blue);

        // Pooled ReLU activations: finite, non-negative, not all zero, and different for different inputs.
        Assert.All(red, v => Assert.True(float.IsFinite(v) && v >= 0));
        Assert.Contains(red, v => v > 0);
        Assert.True(red.Zip(blue).Sum(p => Math.Abs(p.First - p.Second)) > 1f);
        Assert.Equal(2, factory.RunTimer.RunCount);
    }
}
