using GenAgent.Core.Benchmarks;

namespace GenAgent.Sketch;

/// <summary>What an image must show: object groups (class, count, color, half, size, relation) and excluded counts.</summary>
public sealed class Checklist
{
    public Checklist(IReadOnlyList<ObjectGroup> groups, IReadOnlyList<ExcludeRule>? excludes = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        foreach (var g in groups)
        {
            _ = SketchVocabulary.Get(g.Class);
            if (g.Relation is { } r && (r.ReferenceGroup < 0 || r.ReferenceGroup >= groups.Count))
            {
                throw new ArgumentException($"Group \"{g.Class}\" refers to group {r.ReferenceGroup}, which does not exist.", nameof(groups));
            }
        }

        Groups = groups;
        Excludes = excludes ?? [];
    }

    public IReadOnlyList<ObjectGroup> Groups { get; }

    public IReadOnlyList<ExcludeRule> Excludes { get; }

    public static Checklist FromBenchmark(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var groups = item.Include.Select(o => new ObjectGroup(
            SketchVocabulary.Get(o.Class).Name,
            o.Count,
            o.Color,
            ParseRegion(o.Region),
            o.Size switch { null => SizeHint.None, "larger" => SizeHint.Larger, "smaller" => SizeHint.Smaller, _ => throw new ArgumentException($"Unknown size \"{o.Size}\".", nameof(item)) },
            o.Position is { } p ? new GroupRelation(ParseRegion(p.Relation.Replace(" of", string.Empty, StringComparison.Ordinal)), p.ReferenceIndex) : null)).ToList();
        var excludes = item.Exclude.Select(o => new ExcludeRule(SketchVocabulary.Get(o.Class).Name, o.Count)).ToList();
        return new Checklist(groups, excludes);
    }

    public static Checklist FromPrompt(string prompt) => new(CaptionParser.Parse(prompt).Groups);

    /// <summary>This checklist with one group replaced (used when a follow-up changes a request).</summary>
    public Checklist With(IReadOnlyList<ObjectGroup> groups) => new(groups, Excludes);

    public override string ToString() => string.Join("; ", Groups.Select(Describe));

    internal string Describe(ObjectGroup g)
    {
        var text = g.Describe();
        if (g.Size != SizeHint.None)
        {
            text = (g.Size == SizeHint.Larger ? "larger " : "smaller ") + text;
        }

        if (g.Region != SketchRegion.None)
        {
            text += " in the " + RegionWord(g.Region) + " half";
        }

        if (g.Relation is { } r)
        {
            text += $" {RelationWord(r.Side)} the {Groups[r.ReferenceGroup].Class}";
        }

        return text;
    }

    internal static string RegionWord(SketchRegion region) => region switch
    {
        SketchRegion.Left => "left",
        SketchRegion.Right => "right",
        SketchRegion.Top => "top",
        SketchRegion.Bottom => "bottom",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "No half for this region."),
    };

    internal static string RelationWord(SketchRegion side) => side switch
    {
        SketchRegion.Left => "left of",
        SketchRegion.Right => "right of",
        SketchRegion.Top => "above",
        SketchRegion.Bottom => "below",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "No relation for this side."),
    };

    private static SketchRegion ParseRegion(string? region) => region switch
    {
        null => SketchRegion.None,
        "left" => SketchRegion.Left,
        "right" => SketchRegion.Right,
        "above" or "top" => SketchRegion.Top,
        "below" or "bottom" => SketchRegion.Bottom,
        _ => throw new ArgumentException($"Unknown region \"{region}\"."),
    };
}
