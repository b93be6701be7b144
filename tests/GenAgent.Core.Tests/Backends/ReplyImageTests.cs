using GenAgent.Core.Backends;
using GenAgent.Core.Tools;

namespace GenAgent.Core.Tests.Backends;

public sealed class ReplyImageTests
{
    [Fact]
    public void A_png_passes_through_unchanged_with_its_size_and_cost()
    {
        var png = TestImages.Png(40, 30);

        var image = ReplyImage.FromBase64(Convert.ToBase64String(png), 0.5m, "test");

        Assert.Equal(png, image.Png);
        Assert.Equal((40, 30, 0.5m), (image.Width, image.Height, image.Cost));
    }

    [Fact]
    public void A_data_url_is_accepted()
    {
        var image = ReplyImage.FromBase64("data:image/png;base64," + TestImages.PngBase64(), null, "test");

        Assert.Equal(32, image.Width);
    }

    [Fact]
    public void A_truncated_png_is_rejected()
    {
        var png = TestImages.Png(64, 64);

        var error = Assert.Throws<PermanentToolException>(() => ReplyImage.FromBytes(png[..(png.Length / 2)], null, "test"));

        Assert.Contains("does not decode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiny_image_is_rejected_with_the_limits()
    {
        var error = Assert.Throws<PermanentToolException>(() => ReplyImage.FromBytes(TestImages.Png(4, 4), null, "test"));

        Assert.Contains($"{ImageLimits.MinSide} to {ImageLimits.MaxSide}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_becomes_a_png_of_the_same_size()
    {
        var image = ReplyImage.FromBytes(TestImages.Jpeg(50, 20), null, "test");

        Assert.True(TestImages.IsPng(image.Png));
        Assert.Equal((50, 20), (image.Width, image.Height));
    }
}
