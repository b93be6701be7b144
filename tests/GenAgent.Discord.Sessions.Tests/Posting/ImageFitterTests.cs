using GenAgent.Discord.Sessions.Posting;
using SkiaSharp;

namespace GenAgent.Discord.Sessions.Tests.Posting;

public sealed class ImageFitterTests
{
    /// <summary>A noisy picture, so encoders cannot make it tiny at full size.</summary>
    private static byte[] NoisyPng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(42);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)(x * 255 / width), (byte)(y * 255 / height)));
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public void A_png_under_the_limit_goes_as_it_is()
    {
        var png = NoisyPng(32, 32);

        var fitted = ImageFitter.Fit(png, "round-1", png.Length);

        Assert.Same(png, fitted.Content);
        Assert.Equal("round-1.png", fitted.FileName);
        Assert.Equal("image/png", fitted.ContentType);
    }

    [Fact]
    public void Over_the_limit_it_is_re_encoded_at_full_size_when_that_suffices()
    {
        var png = NoisyPng(256, 256);
        var limit = png.Length / 2;

        var fitted = ImageFitter.Fit(png, "final", limit);

        Assert.True(fitted.Content.Length <= limit);
        Assert.Equal((256, 256), (fitted.Width, fitted.Height));
        Assert.True(fitted.ContentType is "image/webp" or "image/jpeg", fitted.ContentType);
        using var decoded = SKBitmap.Decode(fitted.Content);
        Assert.Equal(256, decoded.Width);
    }

    [Fact]
    public void A_tight_limit_halves_the_size_until_it_fits()
    {
        var png = NoisyPng(256, 256);

        var fitted = ImageFitter.Fit(png, "final", 2_000);

        Assert.True(fitted.Content.Length <= 2_000, $"{fitted.Content.Length} bytes");
        Assert.True(fitted.Width < 256);
        Assert.Equal(fitted.Width, fitted.Height);
        using var decoded = SKBitmap.Decode(fitted.Content);
        Assert.Equal(fitted.Width, decoded.Width);
        Assert.EndsWith(fitted.ContentType == "image/webp" ? ".webp" : ".jpg", fitted.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void An_impossible_limit_or_garbage_throws_a_typed_error()
    {
        Assert.Throws<ImageTooLargeException>(() => ImageFitter.Fit(NoisyPng(64, 64), "final", 10));
        Assert.Throws<ImageTooLargeException>(() => ImageFitter.Fit([1, 2, 3, 4], "final", 1000));
    }
}
