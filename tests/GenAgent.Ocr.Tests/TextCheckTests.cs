using GenAgent.Ocr.Tests.Support;
using SkiaSharp;

namespace GenAgent.Ocr.Tests;

public sealed class TextCheckTests
{
    private static readonly IReadOnlyList<OcrPoint> AnyBox = [new(0, 0), new(10, 0), new(10, 5), new(0, 5)];

    [Theory]
    [InlineData("HELLO WORLD", "hello world")]
    [InlineData("HELLOWORLD", "Hello, World!")]
    [InlineData("Grand Opening: Café", "grand opening cafe")]
    [InlineData("xx HELLO WORLD yy", "hello world")]
    public void Matches_regardless_of_case_spaces_punctuation_and_accents(string read, string expected)
    {
        var check = TextCheck.Check(Result(read), expected);

        Assert.True(check.Contains);
        Assert.Equal(1f, check.Similarity);
        Assert.Equal(read, check.Recognized);
    }

    [Fact]
    public void One_wrong_letter_in_ten_still_matches_with_the_similarity_it_earns()
    {
        var check = TextCheck.Check(Result("HELL0 WORLD"), "hello world");

        // "hell0world" vs "helloworld": one substitution over ten letters.
        Assert.True(check.Contains);
        Assert.Equal(0.9f, check.Similarity, 5);
    }

    [Fact]
    public void Absent_text_does_not_match()
    {
        var check = TextCheck.Check(Result("HELLO WORLD"), "GOODBYE");

        Assert.False(check.Contains);
        Assert.InRange(check.Similarity, 0f, 0.5f);
    }

    [Fact]
    public void Text_split_over_two_lines_matches_in_reading_order()
    {
        var check = TextCheck.Check(Result("Open", "Sesame"), "open sesame");
        var reversed = TextCheck.Check(Result("Sesame", "Open"), "open sesame");

        Assert.True(check.Contains);
        Assert.Equal(1f, check.Similarity);
        Assert.True(reversed.Similarity < 1f);
    }

    [Fact]
    public void The_threshold_decides()
    {
        var result = Result("HELLO WORLD");

        // "yellow" vs the window "hellow" of "helloworld": one substitution over six letters.
        var check = TextCheck.Check(result, "yellow", threshold: 0.8f);
        var strict = TextCheck.Check(result, "yellow", threshold: 0.9f);

        Assert.Equal(1f - (1f / 6f), check.Similarity, 5);
        Assert.True(check.Contains);
        Assert.False(strict.Contains);
    }

    [Fact]
    public void Nothing_read_means_not_contained()
    {
        var check = TextCheck.Check(new OcrResult([]), "stop");

        Assert.False(check.Contains);
        Assert.Equal(0f, check.Similarity);
        Assert.Equal(string.Empty, check.Recognized);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" !? ")]
    public void Expected_text_without_letters_or_digits_is_refused(string expected) =>
        Assert.Throws<ArgumentException>(() => TextCheck.Check(Result("anything"), expected));

    private static OcrResult Result(params string[] lines) => new(lines.Select(l => new OcrLine(l, 0.99f, AnyBox)).ToList());
}

[Collection(OcrCollection.Name)]
public sealed class TextCheckOnRenderedImagesTests(OcrEngineFixture fixture)
{
    private readonly byte[] _sign = TextImage.Blank(512, 256, new SKColor(250, 245, 230))
        .Draw("HELLO WORLD", 30, 110, 56, new SKColor(20, 20, 90))
        .Draw("est. 1987", 30, 200, 40, new SKColor(90, 30, 30))
        .Encode();

    [Theory]
    [InlineData("HELLO WORLD")]
    [InlineData("hello world")]
    [InlineData("est 1987")]
    public void Finds_text_that_was_drawn(string expected)
    {
        var check = TextCheck.Check(fixture.Engine.Read(_sign), expected);

        Assert.True(check.Contains, $"'{expected}' not found in '{check.Recognized}' (similarity {check.Similarity})");
        Assert.True(check.Lines.Count >= 2);
    }

    [Theory]
    [InlineData("GOODBYE")]
    [InlineData("Grand Opening")]
    public void Does_not_find_text_that_was_not_drawn(string expected)
    {
        var check = TextCheck.Check(fixture.Engine.Read(_sign), expected);

        Assert.False(check.Contains, $"'{expected}' found in '{check.Recognized}' (similarity {check.Similarity})");
        Assert.NotEmpty(check.Recognized);
    }
}
