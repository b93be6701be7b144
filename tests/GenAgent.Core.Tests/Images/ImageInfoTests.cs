using GenAgent.Core.Images;
using SkiaSharp;

namespace GenAgent.Core.Tests.Images;

public sealed class ImageInfoTests
{
    [Fact]
    public void Reads_the_size_from_a_png_header()
    {
        using var bitmap = new SKBitmap(48, 20);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);

        var reference = ImageInfo.PngRef("k.png", data.ToArray());
        Assert.Equal(new ImageRef("k.png", 48, 20), reference);
    }

    [Fact]
    public void Rejects_bytes_that_are_not_a_png() =>
        Assert.Throws<FormatException>(() => ImageInfo.PngSize("GIF89a not a png at all"u8));
}
