using GenAgent.Ocr.Detection;

namespace GenAgent.Ocr.Tests.Detection;

public sealed class TextDetectorTests
{
    [Theory]
    [InlineData(100, 200, 96, 192)]
    [InlineData(960, 540, 960, 544)]
    [InlineData(1920, 1080, 960, 544)]
    [InlineData(10, 10, 32, 32)]
    [InlineData(512, 512, 512, 512)]
    public void Input_is_capped_at_the_max_side_and_a_multiple_of_32(int width, int height, int inputWidth, int inputHeight) =>
        Assert.Equal((inputWidth, inputHeight), TextDetector.InputSize(width, height, 960));
}
