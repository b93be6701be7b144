using GenAgent.Ocr.Detection;
using SkiaSharp;

namespace GenAgent.Ocr.Imaging;

/// <summary>Cuts a (possibly rotated) text region out of the image, straightened and scaled to a fixed height.</summary>
internal static class LineCropper
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>The crop's width at <paramref name="height"/> pixels high, keeping the region's aspect ratio, between 1 and <paramref name="maxWidth"/>.</summary>
    public static int ScaledWidth(TextQuad quad, int height, int maxWidth)
    {
        var ratio = quad.Width / MathF.Max(quad.Height, 1);
        return Math.Clamp((int)MathF.Ceiling(height * ratio), 1, maxWidth);
    }

    /// <summary>
    /// Maps the quad's top-left, top-right and bottom-left corners onto the output's corners in one affine transform,
    /// so the crop is rotated and resized in a single resampling; outside the image the border pixels repeat.
    /// </summary>
    public static SKBitmap Crop(SKImage image, TextQuad quad, int width, int height)
    {
        var across = quad.TopRight - quad.TopLeft;
        var down = quad.BottomLeft - quad.TopLeft;
        var outputToImage = new SKMatrix(
            across.X / width, down.X / height, quad.TopLeft.X,
            across.Y / width, down.Y / height, quad.TopLeft.Y,
            0, 0, 1);
        if (!outputToImage.TryInvert(out var imageToOutput))
        {
            throw new ArgumentException("The text region has no area.", nameof(quad));
        }

        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        using var shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, Sampling, imageToOutput);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawPaint(paint);
        return bitmap;
    }
}
