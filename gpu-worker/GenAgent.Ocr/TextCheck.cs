using GenAgent.Ocr.Checking;

namespace GenAgent.Ocr;

/// <summary>"Does the image contain the text X?" over an <see cref="OcrResult"/>.</summary>
public static class TextCheck
{
    /// <summary>
    /// Similarity needed to say yes: one wrong character in five. Rendered text in generated images is often
    /// slightly misspelled, and the recognizer confuses look-alikes (O/0, l/1).
    /// </summary>
    public const float DefaultThreshold = 0.8f;

    /// <summary>
    /// Compares case-, accent-, space- and punctuation-insensitively: the expected text is looked up as a substring
    /// of all recognized lines joined, and the similarity is 1 minus the edit distance to the best-matching window,
    /// divided by the expected length.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="expected"/> has no letters or digits.</exception>
    public static TextCheckResult Check(OcrResult result, string expected, float threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1f);
        var pattern = TextNormalizer.Normalize(expected);
        if (pattern.Length == 0)
        {
            throw new ArgumentException("The expected text has no letters or digits to look for.", nameof(expected));
        }

        // Lines are joined without a separator, so text split across two detected lines still matches.
        var recognized = TextNormalizer.Normalize(string.Concat(result.Lines.Select(l => l.Text)));
        var distance = ApproximateMatcher.BestWindowDistance(pattern, recognized);
        var similarity = Math.Max(0f, 1f - ((float)distance / pattern.Length));
        return new TextCheckResult(similarity >= threshold, similarity, result.FullText, result.Lines);
    }
}
