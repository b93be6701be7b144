using GenAgent.Ocr.Recognition;

namespace GenAgent.Ocr.Tests.Recognition;

public sealed class CtcDecoderTests : IDisposable
{
    private readonly string _keys = Path.GetTempFileName();

    public CtcDecoderTests() => File.WriteAllText(_keys, "a\nb\nc");

    [Fact]
    public void Classes_are_blank_then_keys_then_space()
    {
        var characters = CharacterSet.Load(_keys);

        Assert.Equal(5, characters.ClassCount);
        Assert.Equal(string.Empty, characters[0]);
        Assert.Equal("a", characters[1]);
        Assert.Equal("c", characters[3]);
        Assert.Equal(" ", characters[4]);
    }

    [Fact]
    public void Repeats_merge_blanks_separate_and_confidence_is_the_mean_of_kept_steps()
    {
        var characters = CharacterSet.Load(_keys);

        // Argmax per step: a a blank a b space c blank -> "aa b c"; kept steps have 0.9, 0.7, 0.8, 0.6, 0.5.
        float[][] steps =
        [
            [0.1f, 0.9f, 0, 0, 0],
            [0.2f, 0.8f, 0, 0, 0],
            [0.9f, 0.1f, 0, 0, 0],
            [0.3f, 0.7f, 0, 0, 0],
            [0.1f, 0.1f, 0.8f, 0, 0],
            [0.2f, 0.1f, 0.1f, 0, 0.6f],
            [0.2f, 0, 0.1f, 0.5f, 0.2f],
            [0.6f, 0, 0, 0.4f, 0],
        ];

        var (text, confidence) = CtcDecoder.Decode(steps.SelectMany(s => s).ToArray(), 5, characters);

        Assert.Equal("aab c", text);
        Assert.Equal((0.9f + 0.7f + 0.8f + 0.6f + 0.5f) / 5, confidence, 5);
    }

    [Fact]
    public void Only_blanks_read_nothing_with_zero_confidence()
    {
        var (text, confidence) = CtcDecoder.Decode([1, 0, 0, 0, 0, 0.9f, 0.1f, 0, 0, 0], 5, CharacterSet.Load(_keys));

        Assert.Equal(string.Empty, text);
        Assert.Equal(0f, confidence);
    }

    public void Dispose() => File.Delete(_keys);
}
