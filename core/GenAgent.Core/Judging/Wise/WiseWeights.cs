namespace GenAgent.Core.Judging.Wise;

/// <summary>
/// How WISE weighs its categories into the overall score. The legacy protocol (the paper's numbers) weighs by the
/// category sizes 400 / 167 / 133 / 100 / 100 / 100 of 1,000; the verified protocol uses 0.4 for culture and 0.12 for
/// each of the other five. The two are not comparable.
/// </summary>
public static class WiseWeights
{
    private static readonly Dictionary<string, double> Legacy = new(StringComparer.Ordinal)
    {
        ["cultural"] = 0.4, ["time"] = 0.167, ["space"] = 0.133, ["biology"] = 0.1, ["physics"] = 0.1, ["chemistry"] = 0.1,
    };

    private static readonly Dictionary<string, double> Verified = new(StringComparer.Ordinal)
    {
        ["cultural"] = 0.4, ["time"] = 0.12, ["space"] = 0.12, ["biology"] = 0.12, ["physics"] = 0.12, ["chemistry"] = 0.12,
    };

    /// <summary>The category's canonical key: "Cultural", "Culture" and "cultural knowledge" are one category.</summary>
    public static string Key(string category)
    {
        var c = category.Trim().ToLowerInvariant();
        return c.StartsWith("cultur", StringComparison.Ordinal) ? "cultural" : c.Split(' ', '_', '-')[0];
    }

    /// <summary>
    /// The weighted overall of per-category scores. Categories the table does not know, or a run that covers only some
    /// (a <c>--limit</c> run), are renormalised over the weights present, so a partial run still reads as a mean.
    /// </summary>
    public static double Overall(IReadOnlyDictionary<string, double> scoreByCategory, bool verified)
    {
        var table = verified ? Verified : Legacy;
        double sum = 0, weights = 0;
        foreach (var (category, score) in scoreByCategory)
        {
            var weight = table.GetValueOrDefault(Key(category), 0);
            sum += weight * score;
            weights += weight;
        }

        return weights == 0 ? scoreByCategory.Values.DefaultIfEmpty(0).Average() : sum / weights;
    }
}
