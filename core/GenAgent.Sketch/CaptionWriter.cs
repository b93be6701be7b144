namespace GenAgent.Sketch;

/// <summary>
/// Writes the explicit caption the agent sends to the generator: one sentence per group, digit counts after
/// "Exactly", relations turned into image halves, sizes stated against the other objects.
/// </summary>
internal static class CaptionWriter
{
    public static string Write(Checklist checklist, int attempt)
    {
        var sentences = new List<string>
        {
            "A clean, photo-like scene on a plain background, showing exactly these objects and nothing else.",
        };
        var halves = Halves(checklist.Groups);
        var order = Enumerable.Range(0, checklist.Groups.Count).ToList();
        if (attempt % 2 == 1)
        {
            order.Reverse();
        }

        foreach (var i in order)
        {
            var g = checklist.Groups[i];
            var size = g.Size switch { SizeHint.Larger => "large ", SizeHint.Smaller => "small ", _ => string.Empty };
            var color = g.Color is null ? string.Empty : g.Color + " ";
            var text = $"Exactly {g.Count} {size}{color}{SketchVocabulary.Phrase(g.Class, g.Count)}";
            if (g.Size != SizeHint.None)
            {
                text += g.Size == SizeHint.Larger ? ", clearly larger than the other objects" : ", clearly smaller than the other objects";
            }

            var placement = new[] { halves[i].Horizontal, halves[i].Vertical }.Where(h => h != SketchRegion.None).Select(h => $"the {Checklist.RegionWord(h)} half of the image").ToList();
            if (placement.Count > 0)
            {
                text += ", placed in " + string.Join(" and in ", placement);
            }

            sentences.Add(text + ".");
        }

        if (attempt >= 1)
        {
            sentences.Add("Every object is separate, fully visible and counted carefully.");
        }

        return string.Join(' ', sentences);
    }

    /// <summary>Each group's required halves, with relations ("right of the teddy bear") made absolute.</summary>
    private static (SketchRegion Horizontal, SketchRegion Vertical)[] Halves(IReadOnlyList<ObjectGroup> groups)
    {
        var halves = groups.Select(g => (
            Horizontal: g.Region is SketchRegion.Left or SketchRegion.Right ? g.Region : SketchRegion.None,
            Vertical: g.Region is SketchRegion.Top or SketchRegion.Bottom ? g.Region : SketchRegion.None)).ToArray();
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Relation is not { } r || r.ReferenceGroup == i)
            {
                continue;
            }

            var horizontal = r.Side is SketchRegion.Left or SketchRegion.Right;
            var opposite = r.Side switch
            {
                SketchRegion.Left => SketchRegion.Right,
                SketchRegion.Right => SketchRegion.Left,
                SketchRegion.Top => SketchRegion.Bottom,
                _ => SketchRegion.Top,
            };
            if (horizontal)
            {
                halves[i].Horizontal = r.Side;
                halves[r.ReferenceGroup].Horizontal = halves[r.ReferenceGroup].Horizontal == SketchRegion.None ? opposite : halves[r.ReferenceGroup].Horizontal;
            }
            else
            {
                halves[i].Vertical = r.Side;
                halves[r.ReferenceGroup].Vertical = halves[r.ReferenceGroup].Vertical == SketchRegion.None ? opposite : halves[r.ReferenceGroup].Vertical;
            }
        }

        return halves;
    }
}
