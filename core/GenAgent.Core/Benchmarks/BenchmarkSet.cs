using System.Text.Json;

namespace GenAgent.Core.Benchmarks;

/// <summary>Loads GenEval / GenEval++ style JSONL prompt sets.</summary>
public static class BenchmarkSet
{
    private static readonly string[] Regions = ["left", "right", "above", "below"];
    private static readonly string[] Sizes = ["larger", "smaller"];
    private static readonly string[] Relations = ["left of", "right of", "above", "below"];

    /// <summary>Reads every non-blank line of <paramref name="path"/>; throws <see cref="FormatException"/> naming the file and line on bad input.</summary>
    public static IReadOnlyList<BenchmarkItem> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var items = new List<BenchmarkItem>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            items.Add(Parse(line, path, number));
        }

        return items;
    }

    /// <summary>Parses one JSONL line; <paramref name="source"/> and <paramref name="lineNumber"/> only name the place in errors.</summary>
    public static BenchmarkItem Parse(string line, string source, int lineNumber)
    {
        BenchmarkLine? wire;
        try
        {
            wire = JsonSerializer.Deserialize(line, BenchmarkJsonContext.Default.BenchmarkLine);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}:{lineNumber}: not a JSON object ({ex.Message}).", ex);
        }

        if (wire is null || string.IsNullOrWhiteSpace(wire.Prompt) || string.IsNullOrWhiteSpace(wire.Tag))
        {
            throw new FormatException($"{source}:{lineNumber}: a line needs a \"tag\" and a \"prompt\".");
        }

        if (wire.Include is not { Count: > 0 })
        {
            throw new FormatException($"{source}:{lineNumber}: \"include\" must list at least one object.");
        }

        var include = wire.Include.Select(o => ToObject(o, source, lineNumber, wire.Include.Count)).ToList();
        var exclude = (wire.Exclude ?? []).Select(o => ToObject(o, source, lineNumber, wire.Include.Count)).ToList();
        return new BenchmarkItem(wire.Tag, wire.Prompt, include, exclude);
    }

    private static BenchmarkObject ToObject(BenchmarkLineObject wire, string source, int lineNumber, int includeCount)
    {
        if (string.IsNullOrWhiteSpace(wire.Class))
        {
            throw new FormatException($"{source}:{lineNumber}: an object has no \"class\".");
        }

        if (wire.Count is not { } count || count < 0)
        {
            throw new FormatException($"{source}:{lineNumber}: object \"{wire.Class}\" needs a non-negative \"count\".");
        }

        Check(wire.Region, Regions, "region", source, lineNumber);
        Check(wire.Size, Sizes, "size", source, lineNumber);
        return new BenchmarkObject(wire.Class, count, wire.Color, wire.Region, wire.Size, ToPosition(wire.Position, source, lineNumber, includeCount));
    }

    private static BenchmarkPosition? ToPosition(List<JsonElement>? position, string source, int lineNumber, int includeCount)
    {
        if (position is null)
        {
            return null;
        }

        if (position.Count != 2 || position[0].ValueKind != JsonValueKind.String || position[1].ValueKind != JsonValueKind.Number
            || !position[1].TryGetInt32(out var index) || index < 0 || index >= includeCount)
        {
            throw new FormatException($"{source}:{lineNumber}: \"position\" must be [relation, index of an include object].");
        }

        var relation = position[0].GetString()!;
        Check(relation, Relations, "position relation", source, lineNumber);
        return new BenchmarkPosition(relation, index);
    }

    private static void Check(string? value, string[] allowed, string what, string source, int lineNumber)
    {
        if (value is not null && !allowed.Contains(value))
        {
            throw new FormatException($"{source}:{lineNumber}: unknown {what} \"{value}\" (expected {string.Join(", ", allowed)}).");
        }
    }
}
