namespace GenAgent.Core.Sketch;

/// <summary>Checks an image's pixels against a <see cref="Checklist"/>, the way the GenEval++ judge reads its checklist.</summary>
public static class SketchJudge
{
    public static JudgeResult Judge(byte[] png, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var detected = SketchVision.Detect(png);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        return Judge(detected, checklist, bitmap.Width, bitmap.Height);
    }

    public static JudgeResult Judge(IReadOnlyList<DetectedObject> detected, Checklist checklist, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(checklist);
        var issues = new List<JudgeFailure>();
        var groups = checklist.Groups;
        var instances = new List<DetectedObject>[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var ofClass = detected.Where(d => d.Class == g.Class).ToList();
            var shared = groups.Count(o => o.Class == g.Class) > 1;
            var matching = g.Color is null ? ofClass : [.. ofClass.Where(d => d.Color == g.Color)];
            instances[i] = matching;
            var counted = shared ? matching.Count : ofClass.Count;
            if (counted != g.Count)
            {
                var kind = counted == 0 ? JudgeFailureKind.Missing : JudgeFailureKind.WrongCount;
                issues.Add(new JudgeFailure(kind, i, g.Class, g.Count, counted, $"expected {g.Describe()}, found {counted}"));
            }

            if (!shared && g.Color is not null && ofClass.Count > matching.Count)
            {
                var wrong = ofClass.Where(d => d.Color != g.Color).ToList();
                var colors = string.Join(", ", wrong.GroupBy(d => d.Color ?? "unknown").Select(w => $"{w.Count()} {w.Key}"));
                issues.Add(new JudgeFailure(JudgeFailureKind.WrongColor, i, g.Class, ofClass.Count, wrong.Count,
                    $"expected every {g.Class} to be {g.Color}, found {colors}", wrong[0].Color));
            }
        }

        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var mine = instances[i].Count > 0 ? instances[i] : [.. detected.Where(d => d.Class == g.Class)];
            if (mine.Count == 0)
            {
                continue;
            }

            if (g.Region != SketchRegion.None)
            {
                var outside = mine.Count(d => !InHalf(d, g.Region, width, height));
                if (outside > 0)
                {
                    issues.Add(new JudgeFailure(JudgeFailureKind.WrongRegion, i, g.Class, mine.Count, outside,
                        $"expected the {SketchVocabulary.Plural(g.Class)} in the {Checklist.RegionWord(g.Region)} half, {outside} of {mine.Count} not there"));
                }
            }

            if (g.Relation is { } r && detected.Where(d => d.Class == groups[r.ReferenceGroup].Class).ToList() is { Count: > 0 } reference
                && !Holds(mine, reference, r.Side))
            {
                issues.Add(new JudgeFailure(JudgeFailureKind.WrongRelation, i, g.Class, 1, 1,
                    $"expected the {g.Class} {Checklist.RelationWord(r.Side)} the {groups[r.ReferenceGroup].Class}"));
            }

            if (g.Size == SizeHint.Larger)
            {
                for (var j = 0; j < groups.Count; j++)
                {
                    var other = instances[j].Count > 0 ? instances[j] : [.. detected.Where(d => d.Class == groups[j].Class)];
                    if (groups[j].Size == SizeHint.Smaller && other.Count > 0 && mine.Min(d => d.Area) <= other.Max(d => d.Area))
                    {
                        issues.Add(new JudgeFailure(JudgeFailureKind.WrongSize, i, g.Class, 1, 1,
                            $"expected the {g.Class} to be larger than the {groups[j].Class}"));
                    }
                }
            }
        }

        foreach (var rule in checklist.Excludes)
        {
            var count = detected.Count(d => d.Class == rule.Class);
            if (count >= rule.MinCount && !issues.Any(x => x.Class == rule.Class && x.Kind == JudgeFailureKind.WrongCount))
            {
                issues.Add(new JudgeFailure(JudgeFailureKind.Excluded, -1, rule.Class, rule.MinCount - 1, count,
                    $"expected fewer than {rule.MinCount} {SketchVocabulary.Plural(rule.Class)}, found {count}"));
            }
        }

        return new JudgeResult(issues, detected);
    }

    internal static bool InHalf(DetectedObject d, SketchRegion region, int width, int height) => region switch
    {
        SketchRegion.Left => d.CenterX < width / 2.0,
        SketchRegion.Right => d.CenterX > width / 2.0,
        SketchRegion.Top => d.CenterY < height / 2.0,
        SketchRegion.Bottom => d.CenterY > height / 2.0,
        _ => true,
    };

    private static bool Holds(List<DetectedObject> mine, List<DetectedObject> reference, SketchRegion side)
    {
        var (x, y) = (mine.Average(d => d.CenterX), mine.Average(d => d.CenterY));
        var (rx, ry) = (reference.Average(d => d.CenterX), reference.Average(d => d.CenterY));
        return side switch
        {
            SketchRegion.Left => x < rx,
            SketchRegion.Right => x > rx,
            SketchRegion.Top => y < ry,
            SketchRegion.Bottom => y > ry,
            _ => true,
        };
    }
}
