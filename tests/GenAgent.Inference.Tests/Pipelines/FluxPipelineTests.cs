using GenAgent.Inference.Pipelines;
using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Pipelines;

[Collection(TinyModelsCollection.Name)]
public sealed class FluxPipelineTests(TinyModelsFixture fixture)
{
    private readonly IImagePipeline _flux = fixture.Catalog.FindPipeline(TinyModelSet.FluxName)!;
    private readonly ClipTokenizer _clip = Expected.ClipTokenizer(fixture.Folder, TinyModelSet.FluxName);
    private readonly T5Tokenizer _t5 = T5Tokenizer.Load(Path.Combine(fixture.Folder, TinyModelSet.FluxName, "tokenizer_2", "spiece.model"), TinyFlux.T5Length);

    private void AssertBlocks(byte[] png, string prompt, float guidance, int width, int height)
    {
        var expected = Expected.FluxBlocks(_clip.Encode(prompt), _t5.Encode(prompt), guidance, width, height);
        var pixels = TestImages.Pixels(png, out var w, out var h);
        Assert.Equal((width, height), (w, h));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = pixels[(y * width) + x];
                var where = $"pixel ({x},{y})";
                Expected.AssertNear(expected[y / 8, x / 8, 0], p.Red, where);
                Expected.AssertNear(expected[y / 8, x / 8, 1], p.Green, where);
                Expected.AssertNear(expected[y / 8, x / 8, 2], p.Blue, where);
            }
        }
    }

    [Theory]
    [InlineData(1, 64, 64)]
    [InlineData(4, 64, 64)]
    [InlineData(3, 96, 64)]
    [InlineData(2, 64, 128)]
    public async Task Flow_matching_steps_land_on_the_known_image(int steps, int width, int height)
    {
        const string prompt = "three red clocks on the left";

        var images = await _flux.GenerateAsync([new ImageJob(prompt, width, height, 42, Steps: steps)], null, CancellationToken.None);

        // Default distilled guidance 3.5 reaches the transformer as an input.
        AssertBlocks(images[0].Png, prompt, 3.5f, width, height);
    }

    [Fact]
    public async Task Guidance_is_passed_to_the_transformer()
    {
        var images = await _flux.GenerateAsync([new ImageJob("a blue bus", 64, 64, 1, Steps: 2, GuidanceScale: 7f)], null, CancellationToken.None);

        AssertBlocks(images[0].Png, "a blue bus", 7f, 64, 64);
    }

    [Fact]
    public async Task Image_to_image_runs_the_tail_of_the_schedule()
    {
        var progress = new SyncProgress();
        var init = TestImages.Solid(64, 64, SKColors.Teal, SKEncodedImageFormat.Webp);

        var images = await _flux.GenerateAsync([new ImageJob("hello world sign", 64, 64, 4, Steps: 4, InitImage: init, Strength: 0.75f)], progress, CancellationToken.None);

        AssertBlocks(images[0].Png, "hello world sign", 3.5f, 64, 64);
        Assert.Equal(3, progress.Steps[^1].TotalSteps);
    }

    [Fact]
    public async Task Prompt_to_png_to_clip_score()
    {
        const string prompt = "three red clocks on the left";
        var png = (await _flux.GenerateAsync([new ImageJob(prompt, 96, 64, 7, Steps: 2)], null, CancellationToken.None))[0].Png;

        var score = (await fixture.Catalog.Clip!.ScoreAsync([(png, prompt)], CancellationToken.None))[0];

        // The tiny judge: mean of each preprocessed plane times ImageWeight, against the mean token embedding times TextWeight.
        var pixels = GenAgent.Inference.Judges.ClipPreprocessor.Preprocess(png);
        var plane = 224 * 224;
        var image = new float[TinyClip.EmbedSize];
        var text = new float[TinyClip.EmbedSize];
        var tokens = TinyWeights.MeanEmbedding(_clip.Encode(prompt));
        for (var e = 0; e < TinyClip.EmbedSize; e++)
        {
            for (var k = 0; k < 3; k++)
            {
                image[e] += pixels.AsSpan(k * plane, plane).ToArray().Average() * TinyClip.ImageWeight(k, e);
            }

            for (var j = 0; j < TinyWeights.Hidden; j++)
            {
                text[e] += tokens[j] * TinyClip.TextWeight(j, e);
            }
        }

        Assert.Equal(100f * GenAgent.Inference.Judges.ClipJudge.Cosine(image, text), score, 0.02f);
    }

    [Fact]
    public async Task Two_jobs_in_one_call_equal_two_separate_calls()
    {
        ImageJob[] jobs = [new("a red cat", 96, 64, 1, Steps: 2), new("a green dog on the right", 96, 64, 2, Steps: 2)];

        var batched = await _flux.GenerateAsync(jobs, null, CancellationToken.None);
        var first = await _flux.GenerateAsync([jobs[0]], null, CancellationToken.None);
        var second = await _flux.GenerateAsync([jobs[1]], null, CancellationToken.None);

        Assert.Equal(first[0].Png, batched[0].Png);
        Assert.Equal(second[0].Png, batched[1].Png);
        AssertBlocks(batched[1].Png, "a green dog on the right", 3.5f, 96, 64);
    }
}
