using System.Text.RegularExpressions;

namespace GenAgent.Sketch;

/// <summary>Reads edit instructions ("make the bus green; add one more clock") into operations.</summary>
public static partial class EditInstructionParser
{
    /// <summary>What the editor understands, for error messages.</summary>
    public const string Understood =
        "make the <object> <color>; make the <object> larger|smaller; add [N] [color] <object> [on the left|right|top|bottom]; " +
        "remove [N|all] [color] <object>; move the <object> to the left|right|top|bottom";

    private static readonly HashSet<string> AddVerbs = ["add", "put", "place", "insert", "include", "draw"];
    private static readonly HashSet<string> RemoveVerbs = ["remove", "delete", "erase", "take", "drop"];
    private static readonly HashSet<string> MoveVerbs = ["move", "shift", "relocate"];
    private static readonly HashSet<string> ChangeVerbs = ["make", "turn", "change", "paint", "color", "colour", "recolor", "set"];

    /// <summary>The operations in <paramref name="instruction"/>; a clause that can't be read throws <see cref="FormatException"/> naming it.</summary>
    public static IReadOnlyList<EditOperation> Parse(string instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var clauses = ClauseSplit().Split(instruction).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (clauses.Count == 0)
        {
            throw new FormatException("The instruction is empty.");
        }

        return [.. clauses.SelectMany(c => ParseClause(c) ?? throw new FormatException($"Could not understand \"{c}\"."))];
    }

    private static List<EditOperation>? ParseClause(string clause)
    {
        var tokens = CaptionParser.Tokenize(clause);
        var verb = tokens.Take(3).FirstOrDefault(t => AddVerbs.Contains(t) || RemoveVerbs.Contains(t) || MoveVerbs.Contains(t) || ChangeVerbs.Contains(t));
        var at = -1;
        (int Length, SketchClass Class, bool Plural, string Form)? mention = null;
        for (var i = 0; i < tokens.Count && mention is null; i++)
        {
            if (CaptionParser.MatchAt(tokens, i) is { } hit && !(hit.Form == "orange" && i + 1 < tokens.Count && CaptionParser.MatchAt(tokens, i + 1) is not null))
            {
                mention = hit;
                at = i;
            }
        }

        if (verb is null || mention is not { } m)
        {
            return null;
        }

        var before = tokens.Take(at).ToList();
        var after = tokens.Skip(at + m.Length).ToList();
        var name = m.Class.Name;
        var count = before.Select(t => SketchVocabulary.TryNumber(t, out var n) ? n : (int?)null).LastOrDefault(n => n is not null);
        var colorBefore = before.LastOrDefault(SketchColor.IsColor) is { } cb ? SketchColor.Normalize(cb) : null;
        var colorAfter = after.LastOrDefault(SketchColor.IsColor) is { } ca ? SketchColor.Normalize(ca) : null;
        var region = after.Select(Side).FirstOrDefault(r => r != SketchRegion.None);
        var size = after.Select(SizeOf).FirstOrDefault(s => s != SizeHint.None);

        if (AddVerbs.Contains(verb))
        {
            return [new EditOperation(EditKind.Add, name, count ?? (m.Plural ? 2 : 1), colorBefore ?? colorAfter, Region: region)];
        }

        if (RemoveVerbs.Contains(verb))
        {
            var all = before.Contains("all") || (count is null && m.Plural);
            return [new EditOperation(EditKind.Remove, name, all ? null : count ?? 1, FromColor: colorBefore)];
        }

        if (MoveVerbs.Contains(verb))
        {
            return region == SketchRegion.None ? null : [new EditOperation(EditKind.Move, name, FromColor: colorBefore, Region: region)];
        }

        var ops = new List<EditOperation>();
        if (colorAfter is not null)
        {
            ops.Add(new EditOperation(EditKind.Recolor, name, Color: colorAfter, FromColor: colorBefore));
        }

        if (size != SizeHint.None)
        {
            ops.Add(new EditOperation(EditKind.Resize, name, FromColor: colorBefore, Size: size));
        }

        if (region != SketchRegion.None)
        {
            ops.Add(new EditOperation(EditKind.Move, name, FromColor: colorBefore, Region: region));
        }

        return ops.Count == 0 ? null : ops;
    }

    private static SketchRegion Side(string word) => word switch
    {
        "left" => SketchRegion.Left,
        "right" => SketchRegion.Right,
        "top" or "upper" or "above" => SketchRegion.Top,
        "bottom" or "lower" or "below" => SketchRegion.Bottom,
        _ => SketchRegion.None,
    };

    private static SizeHint SizeOf(string word) => word switch
    {
        "larger" or "bigger" or "large" or "big" => SizeHint.Larger,
        "smaller" or "small" or "tiny" => SizeHint.Smaller,
        _ => SizeHint.None,
    };

    [GeneratedRegex(@"[;.\n]|,\s*then\b|\s+and\s+(?=(?:then\s+)?(?:add|put|place|insert|include|draw|remove|delete|erase|take|drop|move|shift|make|turn|change|paint|color|colour|recolor|set)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseSplit();
}
