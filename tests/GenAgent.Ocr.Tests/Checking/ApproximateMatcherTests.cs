using GenAgent.Ocr.Checking;

namespace GenAgent.Ocr.Tests.Checking;

public sealed class ApproximateMatcherTests
{
    [Theory]
    [InlineData("world", "helloworld", 0)]
    [InlineData("word", "helloworld", 1)]
    [InlineData("wxrld", "helloworld", 1)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("goodbye", "helloworld", 6)]
    public void Distance_to_the_best_window(string pattern, string text, int distance) =>
        Assert.Equal(distance, ApproximateMatcher.BestWindowDistance(pattern, text));

    [Theory]
    [InlineData("Hello, World!", "helloworld")]
    [InlineData("  Café  No. 5 ", "cafeno5")]
    [InlineData("ÄÖÜ straße", "aoustraße")]
    [InlineData("中文 OCR", "中文ocr")]
    public void Normalizes_to_lower_case_letters_and_digits(string text, string normalized) =>
        Assert.Equal(normalized, TextNormalizer.Normalize(text));
}
