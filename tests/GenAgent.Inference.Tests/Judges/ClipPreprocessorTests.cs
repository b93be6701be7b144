using GenAgent.Inference.Judges;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Judges;

public sealed class ClipPreprocessorTests
{
    [Theory]
    [InlineData(640, 480, 298, 224)]
    [InlineData(480, 640, 224, 298)]
    [InlineData(224, 224, 224, 224)]
    [InlineData(64, 64, 224, 224)]
    public void Shortest_side_goes_to_224_and_the_other_truncates(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal((expectedWidth, expectedHeight), ClipPreprocessor.ResizedSize(width, height));
    }

    [Fact]
    public void Solid_image_normalises_with_the_clip_mean_and_std()
    {
        var tensor = ClipPreprocessor.Preprocess(TestImages.Solid(300, 200, new SKColor(255, 0, 128)));

        Assert.Equal(3 * 224 * 224, tensor.Length);

        // (255/255 - 0.48145466) / 0.26862954, (0 - 0.4578275) / 0.26130258, (128/255 - 0.40821073) / 0.27577711.
        float[] expected = [1.9303361f, -1.7520971f, 0.3399488f];
        for (var c = 0; c < 3; c++)
        {
            var plane = tensor.AsSpan(c * 224 * 224, 224 * 224).ToArray();
            Assert.Equal(expected[c], plane.Min(), 4);
            Assert.Equal(expected[c], plane.Max(), 4);
        }
    }

    [Fact]
    public void Centre_crop_takes_the_middle_columns()
    {
        // 448x224: no resize, crop starts at column 112, so the output's halves are red | blue.
        var tensor = ClipPreprocessor.Preprocess(TestImages.Halves(448, 224, SKColors.Red, SKColors.Blue));

        var red = (1f - 0.48145466f) / 0.26862954f;
        var noRed = -0.48145466f / 0.26862954f;
        Assert.Equal(red, tensor[0], 4);
        Assert.Equal(red, tensor[111], 4);
        Assert.Equal(noRed, tensor[112], 4);
        Assert.Equal(noRed, tensor[(100 * 224) + 223], 4);
    }

    [Fact]
    public void Not_an_image_is_rejected()
    {
        Assert.Throws<GenAgent.Inference.Images.InvalidImageException>(() => ClipPreprocessor.Preprocess([1, 2, 3, 4]));
    }
}
