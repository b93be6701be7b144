using GenAgent.Core.Judging;

namespace GenAgent.Sketch;

/// <summary>
/// Checks what an image shows against a <see cref="Checklist"/>, the way the GenEval++ judge reads its checklist:
/// counts, colors, halves, relations, sizes and excluded objects. The evaluator feeds it <see cref="SketchVision"/>;
/// the sketch agent feeds it what its own eye saw (<see cref="AgentEye"/>).
/// </summary>
public static class SketchJudge
{
    /// <summary>The evaluator's verdict on an image (PNG, JPEG or WebP), from its pixels alone.</summary>
    public static JudgeResult Judge(byte[] image, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        using var bitmap = SketchVision.Decode(image);
        return Judge(SketchVision.Detect(image), checklist, bitmap.Width, bitmap.Height);
    }

    public static JudgeResult Judge(IReadOnlyList<DetectedObject> detected, Checklist checklist, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(checklist);
        var issues = new List<JudgeFailure>();
        var checks = new List<CheckOutcome>();
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
            var countWord = shared || g.Color is null ? g.Describe(counted) : $"{counted} {SketchVocabulary.Phrase(g.Class, counted)}";
            checks.Add(new CheckOutcome("count", g.Describe(), countWord, counted == g.Count));
            if (counted != g.Count)
            {
                var kind = counted == 0 ? JudgeFailureKind.Missing : JudgeFailureKind.WrongCount;
                issues.Add(new JudgeFailure(kind, i, g.Class, g.Count, counted, $"expected {g.Describe()}, found {counted}"));
            }

            if (!shared && g.Color is not null && ofClass.Count > 0)
            {
                var wrong = ofClass.Where(d => d.Color != g.Color).ToList();
                var colors = string.Join(", ", ofClass.GroupBy(d => d.Color ?? "unknown").Select(w => $"{w.Count()} {w.Key}"));
                checks.Add(new CheckOutcome("color", $"every {g.Class} {g.Color}", colors, wrong.Count == 0));
                if (wrong.Count > 0)
                {
                    issues.Add(new JudgeFailure(JudgeFailureKind.WrongColor, i, g.Class, ofClass.Count, wrong.Count,
                        $"expected every {g.Class} to be {g.Color}, found {string.Join(", ", wrong.GroupBy(d => d.Color ?? "unknown").Select(w => $"{w.Count()} {w.Key}"))}", wrong[0].Color));
                }
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
                checks.Add(new CheckOutcome("position", $"{SketchVocabulary.Plural(g.Class)} in the {Checklist.RegionWord(g.Region)} half", $"{mine.Count - outside} of {mine.Count} there", outside == 0));
                if (outside > 0)
                {
                    issues.Add(new JudgeFailure(JudgeFailureKind.WrongRegion, i, g.Class, mine.Count, outside,
                        $"expected the {SketchVocabulary.Plural(g.Class)} in the {Checklist.RegionWord(g.Region)} half, {outside} of {mine.Count} not there"));
                }
            }

            if (g.Relation is { } r && detected.Where(d => d.Class == groups[r.ReferenceGroup].Class).ToList() is { Count: > 0 } reference)
            {
                var holds = Holds(mine, reference, r.Side);
                var expected = $"the {g.Class} {Checklist.RelationWord(r.Side)} the {groups[r.ReferenceGroup].Class}";
                checks.Add(new CheckOutcome("relation", expected, holds ? "so" : "not so", holds));
                if (!holds)
                {
                    issues.Add(new JudgeFailure(JudgeFailureKind.WrongRelation, i, g.Class, 1, 1, "expected " + expected));
                }
            }

            if (g.Size == SizeHint.Larger)
            {
                for (var j = 0; j < groups.Count; j++)
                {
                    var other = instances[j].Count > 0 ? instances[j] : [.. detected.Where(d => d.Class == groups[j].Class)];
                    if (groups[j].Size != SizeHint.Smaller || other.Count == 0)
                    {
                        continue;
                    }

                    var larger = mine.Min(d => d.Area) > other.Max(d => d.Area);
                    var expected = $"the {g.Class} larger than the {groups[j].Class}";
                    checks.Add(new CheckOutcome("size", expected, $"{mine.Min(d => d.Area)} px vs {other.Max(d => d.Area)} px", larger));
                    if (!larger)
                    {
                        issues.Add(new JudgeFailure(JudgeFailureKind.WrongSize, i, g.Class, 1, 1, $"expected the {g.Class} to be larger than the {groups[j].Class}"));
                    }
                }
            }
        }

        foreach (var rule in checklist.Excludes)
        {
            var count = detected.Count(d => d.Class == rule.Class);
            var excluded = count >= rule.MinCount && !issues.Any(x => x.Class == rule.Class && x.Kind == JudgeFailureKind.WrongCount);
            checks.Add(new CheckOutcome("exclude", $"fewer than {rule.MinCount} {SketchVocabulary.Plural(rule.Class)}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), !excluded));
            if (excluded)
            {
                issues.Add(new JudgeFailure(JudgeFailureKind.Excluded, -1, rule.Class, rule.MinCount - 1, count,
                    $"expected fewer than {rule.MinCount} {SketchVocabulary.Plural(rule.Class)}, found {count}"));
            }
        }

        return new JudgeResult(issues, detected, checks);
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
