using SkiaSharp;

namespace GenAgent.Ocr.Imaging;

/// <summary>Writes an RGBA bitmap into a planar float tensor in the channel order PaddleOCR's models were trained on.</summary>
internal static class TensorWriter
{
    /// <summary>
    /// PaddleOCR reads images with OpenCV, so its models see B, G, R planes; the mean and std are applied per plane in that order.
    /// </summary>
    public static void WriteBgr(SKBitmap bitmap, Span<float> destination, int tensorWidth, int tensorHeight, ReadOnlySpan<float> mean, ReadOnlySpan<float> std)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException($"Expected an RGBA bitmap, got {bitmap.ColorType}.", nameof(bitmap));
        }

        var pixels = bitmap.GetPixelSpan();
        var plane = tensorWidth * tensorHeight;
        var width = Math.Min(bitmap.Width, tensorWidth);
        var height = Math.Min(bitmap.Height, tensorHeight);
        var rowBytes = bitmap.RowBytes;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * rowBytes, bitmap.Width * 4);
            for (var x = 0; x < width; x++)
            {
                var offset = (y * tensorWidth) + x;
                destination[offset] = ((row[(x * 4) + 2] / 255f) - mean[0]) / std[0];
                destination[plane + offset] = ((row[(x * 4) + 1] / 255f) - mean[1]) / std[1];
                destination[(2 * plane) + offset] = ((row[x * 4] / 255f) - mean[2]) / std[2];
            }
        }
    }
}
