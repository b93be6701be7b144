using GenAgent.Cli.Commands;

namespace GenAgent.Cli.Tests.Commands;

public class ImageSizeTests
{
    [Theory]
    [InlineData("1024x1024", 1024, 1024)]
    [InlineData("256X512", 256, 512)]
    [InlineData("64x4096", 64, 4096)]
    public void Parses_width_by_height(string text, int width, int height)
    {
        Assert.True(ImageSize.TryParse(text, out var size, out _));
        Assert.Equal(new ImageSize(width, height), size);
    }

    [Theory]
    [InlineData("12", "WIDTHxHEIGHT")]
    [InlineData("1024x", "WIDTHxHEIGHT")]
    [InlineData("-5x100", "WIDTHxHEIGHT")]
    [InlineData("32x32", "between 64 and 4096")]
    [InlineData("8192x1024", "between 64 and 4096")]
    public void Rejects_what_no_generator_can_draw(string text, string expected)
    {
        Assert.False(ImageSize.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
