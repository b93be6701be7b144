using GenAgent.Inference.Judges;
using GenAgent.Inference.Models;
using GenAgent.Inference.Pipelines;
using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Pipelines;

[Collection(TinyModelsCollection.Name)]
public sealed class StableDiffusionPipelineTests(TinyModelsFixture fixture)
{
    private readonly IImagePipeline _sd = fixture.Catalog.FindPipeline(TinyModelSet.SdName)!;
    private readonly ClipTokenizer _tokenizer = Expected.ClipTokenizer(fixture.Folder, TinyModelSet.SdName);

    private static void AssertUniform(byte[] png, (byte R, byte G, byte B) colour, int width, int height)
    {
        var pixels = TestImages.Pixels(png, out var w, out var h);
        Assert.Equal((width, height), (w, h));
        foreach (var p in pixels.Distinct())
        {
            Expected.AssertNear(colour.R, p.Red, "red");
            Expected.AssertNear(colour.G, p.Green, "green");
            Expected.AssertNear(colour.B, p.Blue, "blue");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Euler_ancestral_steps_land_on_the_known_image(int steps)
    {
        const string prompt = "a photo of a red cat";

        var images = await _sd.GenerateAsync([new ImageJob(prompt, 64, 64, Seed: 11, Steps: steps)], null, CancellationToken.None);

        AssertUniform(images[0].Png, Expected.SdColour(_tokenizer, prompt), 64, 64);
        Assert.Equal(11, images[0].Seed);
    }

    [Fact]
    public async Task Euler_lands_on_the_known_image_at_a_non_square_size()
    {
        var manifest = _sd.Manifest with { Constants = _sd.Manifest.Constants with { Scheduler = "euler" } };
        using var euler = StableDiffusionPipeline.Load(manifest, fixture.Factory);

        var images = await euler.GenerateAsync([new ImageJob("two blue clocks", 96, 64, Seed: 5, Steps: 3)], null, CancellationToken.None);

        AssertUniform(images[0].Png, Expected.SdColour(_tokenizer, "two blue clocks"), 96, 64);
    }

    [Fact]
    public async Task Classifier_free_guidance_extrapolates_from_the_negative_prompt()
    {
        var job = new ImageJob("a green dog", 64, 64, Seed: 1, Steps: 2, GuidanceScale: 2.5f, NegativePrompt: "the left sign");

        var images = await _sd.GenerateAsync([job], null, CancellationToken.None);

        AssertUniform(images[0].Png, Expected.SdColour(_tokenizer, "a green dog", 2.5f, "the left sign"), 64, 64);
        Assert.NotEqual(Expected.SdColour(_tokenizer, "a green dog"), Expected.SdColour(_tokenizer, "a green dog", 2.5f, "the left sign"));
    }

    [Fact]
    public async Task Prompt_to_png_to_clip_score()
    {
        const string prompt = "a photo of a red cat";
        var png = (await _sd.GenerateAsync([new ImageJob(prompt, 64, 64, 3)], null, CancellationToken.None))[0].Png;

        var scores = await fixture.Catalog.Clip!.ScoreAsync([(png, prompt), (png, "a blue bus")], CancellationToken.None);

        // ONNX Runtime averages 50176 pixels in float: allow a few 1e-4 of relative error.
        Assert.Equal(ExpectedClipScore(png, prompt), scores[0], 0.02f);
        Assert.Equal(ExpectedClipScore(png, "a blue bus"), scores[1], 0.02f);
        Assert.True(Math.Abs(scores[0] - scores[1]) > 1f);
    }

    private float ExpectedClipScore(byte[] png, string text)
    {
        // The tiny vision encoder averages each preprocessed plane; the image is uniform, so each mean is one normalised value.
        var p = TestImages.Pixels(png, out _, out _)[0];
        float[] mean = [((p.Red / 255f) - 0.48145466f) / 0.26862954f, ((p.Green / 255f) - 0.4578275f) / 0.26130258f, ((p.Blue / 255f) - 0.40821073f) / 0.27577711f];
        var textMean = TinyWeights.MeanEmbedding(_tokenizer.Encode(text));
        var image = new float[TinyClip.EmbedSize];
        var words = new float[TinyClip.EmbedSize];
        for (var e = 0; e < TinyClip.EmbedSize; e++)
        {
            for (var k = 0; k < 3; k++)
            {
                image[e] += mean[k] * TinyClip.ImageWeight(k, e);
            }

            for (var j = 0; j < TinyWeights.Hidden; j++)
            {
                words[e] += textMean[j] * TinyClip.TextWeight(j, e);
            }
        }

        return 100f * ClipJudge.Cosine(image, words);
    }

    [Fact]
    public async Task Image_to_image_encodes_the_image_and_runs_the_tail_of_the_schedule()
    {
        var init = TestImages.Solid(80, 80, SKColors.Orange, SKEncodedImageFormat.Jpeg);
        var progress = new SyncProgress();
        var timer = fixture.Factory.RunTimer;
        var before = timer.RunCount;

        var images = await _sd.GenerateAsync([new ImageJob("a blue bus", 64, 64, 9, Steps: 4, InitImage: init, Strength: 0.5f)], progress, CancellationToken.None);

        AssertUniform(images[0].Png, Expected.SdColour(_tokenizer, "a blue bus"), 64, 64);
        Assert.Equal([(1, 2), (2, 2)], progress.Steps.Select(s => (s.Step, s.TotalSteps)));

        // Text encoder, VAE encoder, two UNet steps, VAE decoder.
        Assert.Equal(5, timer.RunCount - before);
    }

    [Fact]
    public async Task Two_jobs_in_one_call_equal_two_separate_calls()
    {
        ImageJob[] jobs = [new("a red cat", 64, 64, 1, Steps: 2), new("two green clocks", 64, 64, 2, Steps: 2)];
        var progress = new SyncProgress();

        var batched = await _sd.GenerateAsync(jobs, progress, CancellationToken.None);
        var first = await _sd.GenerateAsync([jobs[0]], null, CancellationToken.None);
        var second = await _sd.GenerateAsync([jobs[1]], null, CancellationToken.None);

        Assert.Equal(first[0].Png, batched[0].Png);
        Assert.Equal(second[0].Png, batched[1].Png);
        Assert.NotEqual(batched[0].Png, batched[1].Png);
        Assert.All(progress.Steps, s => Assert.Equal(2, s.BatchSize));
    }

    [Fact]
    public async Task Jobs_with_different_settings_run_as_sub_batches_in_order()
    {
        ImageJob[] jobs =
        [
            new("a red cat", 64, 64, 1, Steps: 1),
            new("a blue bus", 64, 64, 2, Steps: 3, GuidanceScale: 2f),
            new("two green clocks", 64, 64, 3, Steps: 1),
        ];

        var images = await _sd.GenerateAsync(jobs, null, CancellationToken.None);

        AssertUniform(images[0].Png, Expected.SdColour(_tokenizer, "a red cat"), 64, 64);
        AssertUniform(images[1].Png, Expected.SdColour(_tokenizer, "a blue bus", 2f), 64, 64);
        AssertUniform(images[2].Png, Expected.SdColour(_tokenizer, "two green clocks"), 64, 64);
        Assert.Equal([1L, 2, 3], images.Select(i => i.Seed));
    }

    [Fact]
    public async Task Concurrent_calls_on_one_pipeline_each_get_their_own_image()
    {
        string[] prompts = ["a red cat", "a blue bus", "two green clocks", "the left sign", "hello world", "a dog", "three red clocks", "a photo"];

        var results = await Task.WhenAll(prompts.Select((prompt, i) =>
            _sd.GenerateAsync([new ImageJob(prompt, 64, 64, i, Steps: 2)], null, CancellationToken.None)));

        for (var i = 0; i < prompts.Length; i++)
        {
            AssertUniform(results[i][0].Png, Expected.SdColour(_tokenizer, prompts[i]), 64, 64);
        }
    }

    [Fact]
    public async Task Cancellation_is_checked_every_step()
    {
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(_ => cts.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _sd.GenerateAsync([new ImageJob("a red cat", 64, 64, 1, Steps: 4)], progress, cts.Token));

        Assert.Single(progress.Steps);
    }

    [Theory]
    [InlineData(48, 64, "not a multiple of 32")]
    [InlineData(512, 64, "over the maximum")]
    public async Task Bad_sizes_are_rejected(int width, int height, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _sd.GenerateAsync([new ImageJob("a cat", width, height, 1)], null, CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_batches_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _sd.GenerateAsync([new ImageJob(" ", 64, 64, 1)], null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _sd.GenerateAsync([new ImageJob("a", 64, 64, 1), new ImageJob("b", 96, 64, 1)], null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _sd.GenerateAsync(Enumerable.Range(0, 5).Select(i => new ImageJob("a", 64, 64, i)).ToArray(), null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _sd.GenerateAsync([], null, CancellationToken.None));
        await Assert.ThrowsAsync<GenAgent.Inference.Images.InvalidImageException>(
            () => _sd.GenerateAsync([new ImageJob("a", 64, 64, 1, InitImage: [1, 2, 3])], null, CancellationToken.None));
    }

    [Fact]
    public void Manifest_and_limits_describe_the_model()
    {
        Assert.Equal(ModelKind.StableDiffusion, _sd.Manifest.Kind);
        Assert.True(_sd.Limits.SupportsEdit);
        Assert.Equal(4, _sd.Limits.MaxBatch);
    }
}

/// <summary>Reports synchronously on the pipeline's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SyncProgress(Action<PipelineStep>? onReport = null) : IProgress<PipelineStep>
{
    private readonly List<PipelineStep> _steps = [];

    public IReadOnlyList<PipelineStep> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    public void Report(PipelineStep value)
    {
        lock (_steps)
        {
            _steps.Add(value);
        }

        onReport?.Invoke(value);
    }
}
