namespace GenAgent.Sketch;

/// <summary>
/// The generator's seeded mistakes. Every rate is multiplied by the caption's rawness, 1 - 0.75 x explicitness,
/// so an explicit caption makes about a quarter of the mistakes of a loose one. README.md in this folder documents
/// the rates; keep the two in step.
/// </summary>
internal static class MistakeModel
{
    public const double ExplicitnessRelief = 0.75;
    public const double CountBase = 0.22;
    public const double CountPerExtraObject = 0.09;
    public const double SingleDuplicate = 0.04;
    public const double CountCap = 0.8;
    public const double PerExtraGroup = 0.15;
    public const double DropPerOtherGroup = 0.04;
    public const double ColorIgnored = 0.08;
    public const double ColorSwapPerOtherColoredGroup = 0.09;
    public const double SideFlip = 0.30;
    public const double SizeSwap = 0.32;
    public const float LargerScale = 1f;
    public const float SmallerScale = 0.42f;

    /// <summary>Turns a spec into objects to place, with mistakes when <paramref name="withMistakes"/>; <paramref name="notes"/> says what went wrong.</summary>
    public static List<LayoutItem> Apply(SceneSpec spec, Random rng, bool withMistakes, List<string> notes)
    {
        var groups = spec.Groups.Select(g => new Working(g)).ToList();
        foreach (var (g, i) in groups.Select((g, i) => (g, i)))
        {
            if (g.Spec.Relation is { } r && r.ReferenceGroup != i)
            {
                var reference = groups[r.ReferenceGroup];
                if (r.Side is SketchRegion.Left or SketchRegion.Right)
                {
                    g.Horizontal = r.Side;
                    reference.Horizontal = reference.Horizontal == SketchRegion.None ? Opposite(r.Side) : reference.Horizontal;
                }
                else
                {
                    g.Vertical = r.Side;
                    reference.Vertical = reference.Vertical == SketchRegion.None ? Opposite(r.Side) : reference.Vertical;
                }
            }
        }

        if (withMistakes)
        {
            Inject(groups, spec, rng, notes);
        }

        var items = new List<LayoutItem>();
        foreach (var g in groups)
        {
            var cls = SketchVocabulary.Get(g.Spec.Class);
            for (var k = 0; k < g.Count && items.Count < 64; k++)
            {
                var scale = g.Size switch
                {
                    SizeHint.Larger => LargerScale,
                    SizeHint.Smaller => SmallerScale,
                    _ => 0.72f + (0.2f * (float)rng.NextDouble()),
                };
                items.Add(new LayoutItem(cls, g.Color, g.Horizontal, g.Vertical, scale));
            }
        }

        return items;
    }

    private static void Inject(List<Working> groups, SceneSpec spec, Random rng, List<string> notes)
    {
        var rawness = 1 - (ExplicitnessRelief * spec.Explicitness);
        var crowding = 1 + (PerExtraGroup * (groups.Count - 1));
        foreach (var g in groups)
        {
            var n = g.Count;
            var p = rawness * crowding * (n >= 2 ? CountBase + (CountPerExtraObject * (n - 2)) : SingleDuplicate);
            if (rng.NextDouble() < Math.Min(CountCap, p))
            {
                g.Count = n == 1 || rng.NextDouble() < 0.5 ? n + 1 : n - 1;
                notes.Add($"drew {g.Count} {g.Spec.Class} instead of {n}");
            }
        }

        if (groups.Count >= 2)
        {
            foreach (var g in groups)
            {
                if (rng.NextDouble() < rawness * DropPerOtherGroup * (groups.Count - 1))
                {
                    g.Count = 0;
                    notes.Add($"left out the {g.Spec.Class}");
                }
            }
        }

        var colored = groups.Where(g => g.Spec.Color is not null).ToList();
        foreach (var g in colored)
        {
            if (rng.NextDouble() < rawness * ColorIgnored)
            {
                g.Color = SketchVocabulary.Get(g.Spec.Class).TypicalColor;
                notes.Add($"drew the {g.Spec.Class} in its usual {g.Color}");
            }
        }

        if (colored.Count >= 2 && rng.NextDouble() < rawness * ColorSwapPerOtherColoredGroup * (colored.Count - 1))
        {
            var a = colored[rng.Next(colored.Count)];
            var b = colored.Where(c => c != a).ElementAt(rng.Next(colored.Count - 1));
            (a.Color, b.Color) = (b.Color, a.Color);
            notes.Add($"swapped the colors of the {a.Spec.Class} and the {b.Spec.Class}");
        }

        if (groups.Any(g => g.Horizontal != SketchRegion.None || g.Vertical != SketchRegion.None) && rng.NextDouble() < rawness * SideFlip)
        {
            foreach (var g in groups)
            {
                (g.Horizontal, g.Vertical) = (Opposite(g.Horizontal), Opposite(g.Vertical));
            }

            notes.Add("put the objects on the wrong sides");
        }

        if (groups.Any(g => g.Size != SizeHint.None) && rng.NextDouble() < rawness * SizeSwap)
        {
            foreach (var g in groups)
            {
                g.Size = g.Size switch { SizeHint.Larger => SizeHint.Smaller, SizeHint.Smaller => SizeHint.Larger, _ => SizeHint.None };
            }

            notes.Add("swapped the sizes");
        }
    }

    private static SketchRegion Opposite(SketchRegion r) => r switch
    {
        SketchRegion.Left => SketchRegion.Right,
        SketchRegion.Right => SketchRegion.Left,
        SketchRegion.Top => SketchRegion.Bottom,
        SketchRegion.Bottom => SketchRegion.Top,
        _ => SketchRegion.None,
    };

    private sealed class Working(ObjectGroup spec)
    {
        public ObjectGroup Spec { get; } = spec;

        public int Count { get; set; } = spec.Count;

        public string Color { get; set; } = spec.Color ?? SketchVocabulary.Get(spec.Class).TypicalColor;

        public SketchRegion Horizontal { get; set; } = spec.Region is SketchRegion.Left or SketchRegion.Right ? spec.Region : SketchRegion.None;

        public SketchRegion Vertical { get; set; } = spec.Region is SketchRegion.Top or SketchRegion.Bottom ? spec.Region : SketchRegion.None;

        public SizeHint Size { get; set; } = spec.Size;
    }
}
