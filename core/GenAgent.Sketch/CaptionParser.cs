using System.Text.RegularExpressions;

namespace GenAgent.Sketch;

/// <summary>Reads a caption (sloppy benchmark English included) into a <see cref="SceneSpec"/>.</summary>
public static partial class CaptionParser
{
    private static readonly HashSet<string> Breakers = ["and", "with", "while", "but", ",", ";", ".", ":", "then", "plus"];
    private static readonly HashSet<string> ClauseEnds = [";", ".", ":", "\n"];
    private static readonly HashSet<string> Larger = ["larger", "bigger", "large", "big", "huge", "giant"];
    private static readonly HashSet<string> Smaller = ["smaller", "small", "tiny", "little"];

    public static SceneSpec Parse(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var tokens = Tokenize(caption);
        var mentions = FindMentions(tokens);
        var groups = new List<ObjectGroup>();
        var mentionGroup = new int[mentions.Count];
        var features = new List<double>();
        var countExplicit = new List<double>();
        var regionExplicit = new List<double>();
        var sizeExplicit = new List<double>();

        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var windowStart = k == 0 ? 0 : mentions[k - 1].End;
            var (count, color, size, isExplicitCount, determinerThe) = ReadBefore(tokens, windowStart, m.Start);
            var existing = groups.FindIndex(g => g.Class == m.Class.Name && (color is null || g.Color == color));
            if (determinerThe && count is null && existing >= 0)
            {
                mentionGroup[k] = existing;
                continue;
            }

            groups.Add(new ObjectGroup(m.Class.Name, count ?? (m.Plural ? 2 : 1), color, SketchRegion.None, size));
            mentionGroup[k] = groups.Count - 1;
            countExplicit.Add(isExplicitCount ? 1 : 0);
            if (size != SizeHint.None)
            {
                sizeExplicit.Add(Window(tokens, windowStart, m.End + 6).Any(t => t is "clearly" or "much" or "than" or "twice") ? 1 : 0);
            }
        }

        for (var k = 0; k < mentions.Count; k++)
        {
            var end = k + 1 < mentions.Count ? mentions[k + 1].Start : tokens.Count;
            var (region, relationSide, explicitHalf) = ReadAfter(tokens, mentions[k].End, end, hasNext: k + 1 < mentions.Count);
            var index = mentionGroup[k];
            if (relationSide != SketchRegion.None && k + 1 < mentions.Count)
            {
                groups[index] = groups[index] with { Relation = new GroupRelation(relationSide, mentionGroup[k + 1]) };
                regionExplicit.Add(0);
            }
            else if (region != SketchRegion.None)
            {
                groups[index] = groups[index] with { Region = region };
                regionExplicit.Add(explicitHalf ? 1 : 0);
            }
        }

        if (countExplicit.Count > 0)
        {
            features.Add(countExplicit.Average());
            features.Add(ClauseSeparation(tokens, mentions, mentionGroup, groups.Count));
        }

        if (regionExplicit.Count > 0)
        {
            features.Add(regionExplicit.Average());
        }

        if (sizeExplicit.Count > 0)
        {
            features.Add(sizeExplicit.Average());
        }

        return new SceneSpec(groups, features.Count == 0 ? 0 : features.Average());
    }

    internal static List<string> Tokenize(string caption) =>
        [.. TokenRegex().Matches(caption.ToLowerInvariant().Replace('-', ' ')).Select(m => m.Value)];

    private static List<Mention> FindMentions(List<string> tokens)
    {
        var mentions = new List<Mention>();
        var i = 0;
        while (i < tokens.Count)
        {
            var match = MatchAt(tokens, i);
            if (match is { } found && found.Form == "orange" && IsModifierContext(tokens, i + 1))
            {
                match = null;
            }

            if (match is { } hit)
            {
                mentions.Add(new Mention(i, i + hit.Length, hit.Class, hit.Plural));
                i += hit.Length;
            }
            else
            {
                i++;
            }
        }

        return mentions;
    }

    /// <summary>"orange" is a color when a noun (or another adjective) follows it.</summary>
    private static bool IsModifierContext(List<string> tokens, int next) =>
        next < tokens.Count && (MatchAt(tokens, next) is not null || SketchColor.IsColor(tokens[next]) || Larger.Contains(tokens[next]) || Smaller.Contains(tokens[next]));

    internal static (int Length, SketchClass Class, bool Plural, string Form)? MatchAt(List<string> tokens, int start)
    {
        for (var len = Math.Min(SketchVocabulary.MaxFormWords, tokens.Count - start); len >= 1; len--)
        {
            var form = string.Join(' ', tokens.Skip(start).Take(len));
            if (SketchVocabulary.Forms.TryGetValue(form, out var hit))
            {
                return (len, hit.Class, hit.Plural, form);
            }
        }

        return null;
    }

    private static (int? Count, string? Color, SizeHint Size, bool ExplicitCount, bool The) ReadBefore(List<string> tokens, int from, int to)
    {
        int? count = null;
        string? color = null;
        var size = SizeHint.None;
        var explicitCount = false;
        var the = to - 1 >= from && tokens[to - 1] == "the";
        for (var i = to - 1; i >= from; i--)
        {
            var t = tokens[i];
            if (Breakers.Contains(t) || t == "of")
            {
                break;
            }

            if (color is null && SketchColor.IsColor(t))
            {
                color = SketchColor.Normalize(t);
            }
            else if (size == SizeHint.None && Larger.Contains(t))
            {
                size = SizeHint.Larger;
            }
            else if (size == SizeHint.None && Smaller.Contains(t))
            {
                size = SizeHint.Smaller;
            }
            else if (count is null && SketchVocabulary.TryNumber(t, out var n))
            {
                count = n;
                explicitCount = char.IsAsciiDigit(t[0]) || (i > from && tokens[i - 1] == "exactly");
            }
        }

        return (count, color, size, explicitCount, the);
    }

    private static (SketchRegion Region, SketchRegion Relation, bool ExplicitHalf) ReadAfter(List<string> tokens, int from, int to, bool hasNext)
    {
        for (var i = from; i < to; i++)
        {
            if (ClauseEnds.Contains(tokens[i]))
            {
                break;
            }

            var side = Side(tokens[i]);
            if (side == SketchRegion.None)
            {
                continue;
            }

            var reachesNext = hasNext && !tokens.Skip(i + 1).Take(to - i - 1).Any(t => Breakers.Contains(t));
            var isVertical = side is SketchRegion.Top or SketchRegion.Bottom;
            var followedByOf = i + 1 < to && tokens[i + 1] == "of";
            var afterThe = i > from && tokens[i - 1] == "the";
            if (reachesNext && (followedByOf || (isVertical && !afterThe)))
            {
                return (SketchRegion.None, side, false);
            }

            var half = tokens.Skip(i + 1).Take(Math.Min(3, to - i - 1)).Any(t => t is "half" or "side");
            return (side, SketchRegion.None, half);
        }

        return (SketchRegion.None, SketchRegion.None, false);
    }

    private static SketchRegion Side(string word) => word switch
    {
        "left" => SketchRegion.Left,
        "right" => SketchRegion.Right,
        "above" or "top" or "upper" or "over" => SketchRegion.Top,
        "below" or "bottom" or "lower" or "under" or "beneath" or "underneath" => SketchRegion.Bottom,
        _ => SketchRegion.None,
    };

    /// <summary>The share of groups whose clause (between ; . : or line breaks) names no other group.</summary>
    private static double ClauseSeparation(List<string> tokens, List<Mention> mentions, int[] mentionGroup, int groupCount)
    {
        var clauseOf = new int[tokens.Count];
        var clause = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            clauseOf[i] = clause;
            if (ClauseEnds.Contains(tokens[i]))
            {
                clause++;
            }
        }

        var groupsPerClause = mentions.Select((m, k) => (Clause: clauseOf[m.Start], Group: mentionGroup[k]))
            .GroupBy(x => x.Clause).ToDictionary(g => g.Key, g => g.Select(x => x.Group).Distinct().Count());
        var alone = Enumerable.Range(0, groupCount).Count(g =>
            mentions.Select((m, k) => (m, k)).Where(x => mentionGroup[x.k] == g).All(x => groupsPerClause[clauseOf[x.m.Start]] == 1));
        return groupCount == 0 ? 0 : (double)alone / groupCount;
    }

    private static IEnumerable<string> Window(List<string> tokens, int from, int to) => tokens.Skip(from).Take(Math.Max(0, Math.Min(to, tokens.Count) - from));

    [GeneratedRegex(@"[a-z0-9]+|[,;.:\n]")]
    private static partial Regex TokenRegex();

    private sealed record Mention(int Start, int End, SketchClass Class, bool Plural);
}
