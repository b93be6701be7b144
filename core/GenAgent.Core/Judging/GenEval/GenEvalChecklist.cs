using System.Globalization;
using System.Text;
using GenAgent.Core.Benchmarks;

namespace GenAgent.Core.Judging.GenEval;

/// <summary>
/// The checklist lines of the official GenEval++ judge (Echo-4o's evaluation script): one line per include group,
/// <c>- {count} {color}-colored {size} {class}s located in the {region} part of the image.</c> with the parts a group
/// lacks left out, and one "No more than" line per exclude group. The wording the judge was run with is the benchmark's
/// protocol, so it is matched; the system rules around it are our own.
/// </summary>
public static class GenEvalChecklist
{
    public static IReadOnlyList<string> Lines(BenchmarkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var lines = item.Include.Select(Include).ToList();
        lines.AddRange(item.Exclude.Select(Exclude));
        return lines;
    }

    /// <summary>The user message's text: the instruction, then the checklist (absent without a benchmark line).</summary>
    public static string Text(string prompt, BenchmarkItem? item)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        var text = new StringBuilder("Instruction: ").Append(prompt.Trim()).Append('\n');
        var lines = item is null ? ["- Everything the instruction asks for."] : Lines(item);
        text.Append("Expectation checklist:\n").AppendJoin('\n', lines);
        return text.ToString();
    }

    private static string Include(BenchmarkObject group)
    {
        var line = new StringBuilder("- ").Append(group.Count.ToString(CultureInfo.InvariantCulture)).Append(' ');
        if (!string.IsNullOrWhiteSpace(group.Color)) line.Append(group.Color).Append("-colored ");
        if (!string.IsNullOrWhiteSpace(group.Size)) line.Append(group.Size).Append(' ');
        line.Append(group.Class).Append('s');
        if (!string.IsNullOrWhiteSpace(group.Region)) line.Append(" located in the ").Append(group.Region).Append(" part of the image");
        return line.Append('.').ToString();
    }

    // In an exclude list the count is the one that must not be reached (BenchmarkObject).
    private static string Exclude(BenchmarkObject group) =>
        string.Create(CultureInfo.InvariantCulture, $"- No more than {group.Count - 1} {group.Class}s.");
}
