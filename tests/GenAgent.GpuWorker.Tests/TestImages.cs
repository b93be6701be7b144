using GenAgent.Inference.Images;
using GenAgent.Inference.TestModels;
using GenAgent.Inference.Tokenizers;
using SkiaSharp;

namespace GenAgent.GpuWorker.Tests;

/// <summary>Images the tests send, and the image the tiny SD model must produce.</summary>
internal static class TestImages
{
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>
    /// sd-tiny's known output for <paramref name="prompt"/> without guidance: its UNet steers every Euler step to the
    /// latent T(prompt) whatever the noise, and its VAE is a 1x1 convolution, so the image is one colour:
    /// bias + W * T / 0.18215, mapped from [-1, 1] to bytes.
    /// </summary>
    public static SKColor ExpectedSdColor(string prompt)
    {
        var folder = Path.Combine(TestModelFolder.Path, TinyModelSet.SdName, "tokenizer");
        var tokenizer = ClipTokenizer.Load(Path.Combine(folder, "vocab.json"), Path.Combine(folder, "merges.txt"), TinySd.TokenLength);
        var target = TinySd.Target(tokenizer.Encode(prompt));
        var rgb = new byte[3];
        for (var k = 0; k < 3; k++)
        {
            var value = TinySd.DecoderBias[k];
            for (var c = 0; c < TinySd.Channels; c++)
            {
                value += TinySd.DecoderWeight(k, c) * target[c] / TinyModelSet.SdConstants.VaeScalingFactor;
            }

            rgb[k] = ImageTensors.ToByte(value);
        }

        return new SKColor(rgb[0], rgb[1], rgb[2]);
    }

    /// <summary>Asserts a PNG of the given size whose every pixel is within 2 levels of <paramref name="expected"/>.</summary>
    public static void AssertUniform(byte[] png, int width, int height, SKColor expected)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        for (var y = 0; y < height; y += 7)
        {
            for (var x = 0; x < width; x += 7)
            {
                var pixel = bitmap.GetPixel(x, y);
                Assert.True(
                    Math.Abs(pixel.Red - expected.Red) <= 2 && Math.Abs(pixel.Green - expected.Green) <= 2 && Math.Abs(pixel.Blue - expected.Blue) <= 2,
                    $"pixel ({x},{y}) is {pixel}, expected {expected}");
            }
        }
    }

    public static byte[] Solid(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Black words on white, large and clear, for the real OCR models.</summary>
    public static byte[] Text(string text)
    {
        var typeface = SKTypeface.Default.GlyphCount > 0 ? SKTypeface.Default
            : SKTypeface.FromFile(DejaVuSans) ?? throw new InvalidOperationException($"No font: the default typeface is empty and {DejaVuSans} is missing.");
        using var font = new SKFont(typeface, 48) { Edging = SKFontEdging.Antialias };
        var width = (int)font.MeasureText(text) + 80;
        using var bitmap = new SKBitmap(width, 120);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, 40, 76, SKTextAlign.Left, font, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
