using GenAgent.Inference.Images;
using SkiaSharp;

namespace GenAgent.Inference.Tests.Images;

public sealed class ImageTensorsTests
{
    [Theory]
    [InlineData(-1f, 0)]
    [InlineData(1f, 255)]
    [InlineData(0f, 128)]
    [InlineData(-5f, 0)]
    [InlineData(3f, 255)]
    public void Signed_values_map_to_bytes(float value, byte expected)
    {
        Assert.Equal(expected, ImageTensors.ToByte(value));
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Jpeg)]
    [InlineData(SKEncodedImageFormat.Webp)]
    public void Decodes_png_jpeg_and_webp_into_signed_planes(SKEncodedImageFormat format)
    {
        var tensor = ImageTensors.ToSignedTensor(TestImages.Solid(32, 16, new SKColor(255, 0, 51), format), 32, 16);

        Assert.Equal(3 * 32 * 16, tensor.Length);
        Assert.Equal(1f, tensor[0], 1);
        Assert.Equal(-1f, tensor[512], 1);
        Assert.Equal((51 / 127.5f) - 1f, tensor[1024], 1);
    }

    [Fact]
    public void Png_round_trip_is_exact()
    {
        var chw = new float[3 * 4 * 2];
        for (var i = 0; i < chw.Length; i++)
        {
            chw[i] = (i * 10 / 127.5f) - 1f;
        }

        var back = ImageTensors.ToSignedTensor(ImageTensors.ToPng(chw, 4, 2), 4, 2);

        for (var i = 0; i < chw.Length; i++)
        {
            Assert.Equal(chw[i], back[i], 4);
        }
    }

    [Fact]
    public void Garbage_and_empty_bytes_are_not_images()
    {
        Assert.Throws<InvalidImageException>(() => ImageTensors.Decode([]));
        Assert.Throws<InvalidImageException>(() => ImageTensors.Decode("not an image"u8.ToArray()));
    }
}
