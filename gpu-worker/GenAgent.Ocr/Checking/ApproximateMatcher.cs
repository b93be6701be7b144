namespace GenAgent.Ocr.Checking;

/// <summary>Edit distance from a pattern to its best-matching substring of a text (Sellers' algorithm).</summary>
internal static class ApproximateMatcher
{
    /// <summary>The fewest insertions, deletions and substitutions that turn <paramref name="pattern"/> into some substring of <paramref name="text"/>.</summary>
    public static int BestWindowDistance(string pattern, string text)
    {
        // Row i holds, for each end position in text, the distance of pattern[..i] to the best substring ending there;
        // row 0 is all zeros because a match may start anywhere.
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= text.Length; j++)
            {
                var substitution = previous[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous.Min();
    }
}
