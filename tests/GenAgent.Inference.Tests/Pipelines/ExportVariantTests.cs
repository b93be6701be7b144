using GenAgent.Inference.Models;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.Runtime;
using GenAgent.Inference.TestModels;

namespace GenAgent.Inference.Tests.Pipelines;

/// <summary>Shapes of real exports: fp16 float tensors (Float16 at the ONNX boundary, fp32 inside the pipeline) and fixed or scalar timesteps.</summary>
public sealed class ExportVariantTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fp16-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Fp16_sd_lands_on_the_known_image()
    {
        var manifest = ModelManifest.Load(TinyModelSet.WriteSd(_folder, "sd-tiny-fp16", float16: true));
        Assert.All(manifest.Components.Values, c => Assert.Equal(TensorDType.Float16, c.DType));
        using var pipeline = StableDiffusionPipeline.Load(manifest, new OrtSessionFactory(ProviderPolicy.Cpu));
        var tokenizer = Expected.ClipTokenizer(_folder, "sd-tiny-fp16");

        var images = await pipeline.GenerateAsync([new ImageJob("a photo of a red cat", 64, 64, 5, Steps: 2)], null, CancellationToken.None);

        var expected = Expected.SdColour(tokenizer, "a photo of a red cat");
        foreach (var p in TestImages.Pixels(images[0].Png, out _, out _).Distinct())
        {
            // fp16 keeps about three decimal digits: a pixel may move by two steps.
            Assert.InRange(p.Red, expected.R - 2, expected.R + 2);
            Assert.InRange(p.Green, expected.G - 2, expected.G + 2);
            Assert.InRange(p.Blue, expected.B - 2, expected.B + 2);
        }
    }

    [Fact]
    public void Fp16_model_with_an_fp32_manifest_is_rejected()
    {
        var path = TinyModelSet.WriteSd(_folder, "sd-tiny-fp16", float16: true);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"dtype\": \"fp16\"", "\"dtype\": \"fp32\"", StringComparison.Ordinal));

        var error = Assert.Throws<ModelLoadException>(() => StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu)));

        Assert.Contains("has element type Float16; expected fp32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public async Task Timestep_of_fixed_shape_one_or_scalar_is_fed_one_value(int rank)
    {
        var path = TinyModelSet.WriteSd(_folder);
        File.WriteAllBytes(Path.Combine(_folder, TinyModelSet.SdName, "unet.onnx"), TinySd.Unet(timestepDims: rank == 1 ? [1] : []));
        using var pipeline = StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu));
        var tokenizer = Expected.ClipTokenizer(_folder, TinyModelSet.SdName);

        // Guidance doubles the UNet batch; the one timestep value serves both halves.
        var images = await pipeline.GenerateAsync([new ImageJob("a red cat", 64, 64, 1, Steps: 2, GuidanceScale: 2f)], null, CancellationToken.None);

        var expected = Expected.SdColour(tokenizer, "a red cat", 2f);
        var p = TestImages.Pixels(images[0].Png, out _, out _)[100];
        Expected.AssertNear(expected.R, p.Red, "red");
        Expected.AssertNear(expected.G, p.Green, "green");
        Expected.AssertNear(expected.B, p.Blue, "blue");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
