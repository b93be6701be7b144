using GenAgent.Sketch;
using GenAgent.Core.Tools;
using SkiaSharp;

namespace GenAgent.Sketch.Tests;

public sealed class SketchGeneratorTests
{
    [Theory]
    [InlineData(256, 256)]
    [InlineData(512, 384)]
    [InlineData(1024, 1024)]
    public async Task Renders_a_png_of_the_requested_size(int width, int height)
    {
        var image = await new SketchGenerator().GenerateAsync(new GenerationRequest("a photo of two red cars and a cat", width, height, 7));

        using var bitmap = SKBitmap.Decode(image.Png);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.NotEmpty(SketchVision.Detect(image.Png));
    }

    [Fact]
    public async Task Same_caption_seed_and_size_give_the_same_bytes()
    {
        var generator = new SketchGenerator();
        var request = new GenerationRequest("A photo of three clocks on the left and one cats on the right", 384, 384, 42);

        var first = await generator.GenerateAsync(request);
        var second = await generator.GenerateAsync(request);
        var otherSeed = await generator.GenerateAsync(request with { Seed = 43 });

        Assert.Equal(first.Png, second.Png);
        Assert.NotEqual(first.Png, otherSeed.Png);
    }

    [Fact]
    public async Task Rejects_sizes_outside_its_range()
    {
        var ex = await Assert.ThrowsAsync<PermanentToolException>(() => new SketchGenerator().GenerateAsync(new GenerationRequest("a cat", 16, 16, 0)));

        Assert.Contains("16x16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistake_free_rendering_draws_exactly_the_spec()
    {
        var spec = CaptionParser.Parse("Exactly 3 blue clocks, placed in the left half of the image. Exactly 2 pink dogs, placed in the right half of the image.");

        var png = SketchGenerator.Render(spec, "x", 512, 512, 1, withMistakes: false, out var mistakes);

        Assert.Empty(mistakes);
        var found = SketchVision.Detect(png);
        Assert.Equal(3, found.Count(d => d is { Class: "clock", Color: "blue", CenterX: < 256 }));
        Assert.Equal(2, found.Count(d => d is { Class: "dog", Color: "pink", CenterX: > 256 }));
        Assert.Equal(5, found.Count);
    }
}
