namespace GenAgent.Sketch;

/// <summary>Applies edit operations to a checklist, so the agent knows what an edited image must show.</summary>
internal static class ChecklistChanges
{
    public static Checklist Apply(Checklist checklist, IReadOnlyList<EditOperation> operations)
    {
        var groups = checklist.Groups.ToList();
        foreach (var op in operations)
        {
            var targets = groups.Select((g, i) => (g, i)).Where(x => x.g.Class == op.Class && (op.FromColor is null || x.g.Color == op.FromColor)).Select(x => x.i).ToList();
            switch (op.Kind)
            {
                case EditKind.Recolor:
                    targets.ForEach(i => groups[i] = groups[i] with { Color = op.Color });
                    break;
                case EditKind.Move:
                    targets.ForEach(i => groups[i] = groups[i] with { Region = op.Region, Relation = null });
                    break;
                case EditKind.Resize:
                    targets.ForEach(i => groups[i] = groups[i] with { Size = op.Size });
                    break;
                case EditKind.Add:
                    var same = targets.FirstOrDefault(i => groups[i].Color == op.Color && (op.Region == SketchRegion.None || groups[i].Region == op.Region), -1);
                    if (same >= 0)
                    {
                        groups[same] = groups[same] with { Count = groups[same].Count + (op.Count ?? 1) };
                    }
                    else
                    {
                        groups.Add(new ObjectGroup(op.Class, op.Count ?? 1, op.Color, op.Region));
                    }

                    break;
                case EditKind.Remove:
                    var left = op.Count;
                    foreach (var i in targets)
                    {
                        var take = left is null ? groups[i].Count : Math.Min(left.Value, groups[i].Count);
                        groups[i] = groups[i] with { Count = groups[i].Count - take };
                        left -= take;
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operations), op.Kind, "Unknown edit kind.");
            }
        }

        return Renumber(checklist, groups);
    }

    /// <summary>Drops emptied groups, fixing relation indexes (a relation to a dropped group goes).</summary>
    private static Checklist Renumber(Checklist original, List<ObjectGroup> groups)
    {
        var keep = groups.Select((g, i) => (g, i)).Where(x => x.g.Count > 0).ToList();
        var map = keep.Select((x, n) => (x.i, n)).ToDictionary(p => p.i, p => p.n);
        var renumbered = keep.Select(x => x.g.Relation is { } r
            ? x.g with { Relation = map.TryGetValue(r.ReferenceGroup, out var n) ? r with { ReferenceGroup = n } : null }
            : x.g).ToList();
        return new Checklist(renumbered, original.Excludes);
    }

    /// <summary>A checklist for what <paramref name="eye"/> sees in an image, grouped by class and color.</summary>
    public static Checklist FromImage(byte[] png, AgentEye eye) =>
        new([.. eye.See(png).GroupBy(d => (d.Class, d.Color)).Select(g => new ObjectGroup(g.Key.Class, g.Count(), g.Key.Color))]);
}
