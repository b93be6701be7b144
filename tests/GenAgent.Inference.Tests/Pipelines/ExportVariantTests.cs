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

    [Fact]
    public async Task A_decoder_with_its_batch_fixed_at_one_decodes_each_image_of_a_batch_alone()
    {
        var path = TinyModelSet.WriteSd(_folder);
        var jobs = new[] { new ImageJob("a red cat", 64, 64, 1, Steps: 2), new ImageJob("a blue bus", 64, 64, 2, Steps: 2) };
        byte[][] reference;
        using (var batched = StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu)))
        {
            reference = (await batched.GenerateAsync(jobs, null, CancellationToken.None)).Select(i => i.Png).ToArray();
        }

        // As diffusers' ONNX pipeline does (fp16 decoders went wrong at batch > 1): a decoder that only takes one image works.
        File.WriteAllBytes(Path.Combine(_folder, TinyModelSet.SdName, "vae_decoder.onnx"), TinySd.VaeDecoder(singleImage: true));
        using var pipeline = StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu));

        var images = await pipeline.GenerateAsync(jobs, null, CancellationToken.None);

        Assert.Equal(reference, images.Select(i => i.Png));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_encoder_that_returns_latent_parameters_edits_from_their_mean(bool mappedInManifest)
    {
        var path = TinyModelSet.WriteSd(_folder);
        var init = TestImages.Halves(64, 64, SkiaSharp.SKColors.Orange, SkiaSharp.SKColors.Teal);
        var job = new ImageJob("a blue bus", 64, 64, 9, Steps: 4, InitImage: init, Strength: 0.5f);
        byte[] reference;
        using (var sampled = StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu)))
        {
            reference = (await sampled.GenerateAsync([job], null, CancellationToken.None))[0].Png;
        }

        // optimum's current export: mean then log-variance. Left at the default name the loader finds it; mapped, it is used.
        File.WriteAllBytes(Path.Combine(_folder, TinyModelSet.SdName, "vae_encoder.onnx"), TinySd.VaeEncoder(parameters: true));
        if (mappedInManifest)
        {
            var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
            document["components"]!["vae_encoder"]!["outputs"] = new System.Text.Json.Nodes.JsonObject { ["latent_parameters"] = "latent_parameters" };
            File.WriteAllText(path, document.ToJsonString());
        }

        using var pipeline = StableDiffusionPipeline.Load(ModelManifest.Load(path), new OrtSessionFactory(ProviderPolicy.Cpu));

        var image = (await pipeline.GenerateAsync([job], null, CancellationToken.None))[0].Png;

        Assert.Equal(reference, image);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
