using GenAgent.Inference.Images;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Images;

public sealed class ResamplerTests
{
    private static byte[] Gray(params byte[] values) => values.SelectMany(v => new[] { v, v, v }).ToArray();

    [Fact]
    public void Halving_four_pixels_uses_the_widened_bicubic_weights_worked_by_hand()
    {
        // 4 -> 2: scale 2, support 2 x 2 = 4, output 0 centred at 1.0 reads pixels 0..3 at kernel distances
        // (x - 1 + 0.5) / 2 = -0.25, 0.25, 0.75, 1.25 -> 0.8671875, 0.8671875, 0.2265625, -0.0703125 (sum 1.890625).
        // [255, 0, 0, 0] -> 255 x 0.8671875 / 1.890625 = 116.96 -> 117; [0, 0, 255, 0] -> 30.56 -> 31.
        Assert.Equal(117, Resampler.Resize(Gray(255, 0, 0, 0), 4, 1, 2, 1, ResampleFilter.Bicubic)[0]);
        Assert.Equal(31, Resampler.Resize(Gray(0, 0, 255, 0), 4, 1, 2, 1, ResampleFilter.Bicubic)[0]);
        // The negative lobe clips at 0 rather than wrapping.
        Assert.Equal(0, Resampler.Resize(Gray(0, 0, 0, 255), 4, 1, 2, 1, ResampleFilter.Bicubic)[0]);
    }

    [Theory]
    [InlineData(ResampleFilter.Bicubic, 0.0, 1.0)]
    [InlineData(ResampleFilter.Bicubic, 1.0, 0.0)]
    [InlineData(ResampleFilter.Bicubic, 0.5, 0.5625)]
    [InlineData(ResampleFilter.Bicubic, 1.5, -0.0625)]
    [InlineData(ResampleFilter.Bicubic, 2.0, 0.0)]
    [InlineData(ResampleFilter.Lanczos, 0.0, 1.0)]
    [InlineData(ResampleFilter.Lanczos, 1.0, 0.0)]
    [InlineData(ResampleFilter.Lanczos, 3.0, 0.0)]
    public void Kernels_take_their_textbook_values(ResampleFilter filter, double x, double expected)
    {
        Assert.Equal(expected, Resampler.Kernel(filter, x), 9);
        Assert.Equal(expected, Resampler.Kernel(filter, -x), 9);
    }

    [Theory]
    [InlineData(ResampleFilter.Bicubic)]
    [InlineData(ResampleFilter.Lanczos)]
    public void Shrinking_a_one_pixel_checkerboard_averages_it_instead_of_aliasing(ResampleFilter filter)
    {
        const int size = 1024, target = 224;
        var rgb = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var v = (byte)(((x + y) % 2) * 255);
                rgb[((y * size) + x) * 3] = rgb[(((y * size) + x) * 3) + 1] = rgb[(((y * size) + x) * 3) + 2] = v;
            }
        }

        var resized = Resampler.Resize(rgb, size, size, target, target, filter);

        // A 4-tap sampler would land on black or white pixels; an antialiased resize sees the mean grey everywhere
        // away from the borders.
        for (var y = 8; y < target - 8; y++)
        {
            for (var x = 8; x < target - 8; x++)
            {
                Assert.InRange(resized[((y * target) + x) * 3], 120, 135);
            }
        }
    }

    [Fact]
    public void The_same_size_is_the_same_pixels_and_a_solid_colour_stays_solid_both_ways()
    {
        var rgb = Enumerable.Range(0, 5 * 3 * 3).Select(i => (byte)(i * 5)).ToArray();
        Assert.Equal(rgb, Resampler.Resize(rgb, 5, 3, 5, 3, ResampleFilter.Bicubic));

        var solid = Enumerable.Repeat(new byte[] { 200, 10, 90 }, 7 * 9).SelectMany(p => p).ToArray();
        foreach (var (w, h) in new[] { (3, 4), (20, 31) })
        {
            var resized = Resampler.Resize(solid, 7, 9, w, h, ResampleFilter.Lanczos);
            Assert.Equal(Enumerable.Repeat(new byte[] { 200, 10, 90 }, w * h).SelectMany(p => p), resized);
        }
    }

    [Fact]
    public void A_buffer_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Resampler.Resize(new byte[10], 2, 2, 1, 1, ResampleFilter.Bicubic));
    }

    [Fact]
    public void Clip_preprocessing_of_fine_stripes_is_their_mean_not_one_of_the_stripes()
    {
        // 1000 px of 1 px stripes, shrunk 4.46x to 224: Pillow (CLIP's reference) sees grey; a 4-tap resize sees
        // whichever stripes it lands between.
        using var bitmap = new SKBitmap(1000, 1000);
        for (var x = 0; x < 1000; x++)
        {
            for (var y = 0; y < 1000; y++)
            {
                bitmap.SetPixel(x, y, x % 2 == 0 ? SKColors.Black : SKColors.White);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var tensor = GenAgent.Inference.Judges.ClipPreprocessor.Preprocess(data.ToArray());

        var grey = ((127.5f / 255f) - 0.48145466f) / 0.26862954f;
        for (var x = 8; x < 216; x++)
        {
            Assert.InRange(tensor[(112 * 224) + x], grey - 0.15f, grey + 0.15f);
        }
    }
}
