namespace GenAgent.Inference.TestModels;

/// <summary>The words the tiny tokenizers know as whole tokens; other words fall back to letters.</summary>
public static class TinyVocabulary
{
    public static IReadOnlyList<string> Words { get; } =
    [
        "a", "photo", "of", "the", "red", "blue", "green", "cat", "dog", "clock", "clocks", "bus",
        "on", "left", "right", "and", "three", "two", "in", "with", "text", "sign", "says", "hello", "world",
    ];
}
