using System.Globalization;
using System.Text;

namespace GenAgent.Cli.Eval;

/// <summary><c>summary.md</c>: the run's tables in Markdown, for pasting into an issue or a README.</summary>
internal static class EvalMarkdown
{
    public const string FileName = "summary.md";

    public static string Render(EvalSummary summary)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"{summary.Benchmark}, judge {summary.Judge}, {summary.Prompts} prompts at {summary.Size}, up to {summary.MaxImages} images");
        md.Append(summary.Simulated ? " (simulated: the offline sketch world)\n\n" : "\n\n");
        md.Append("| configuration | n |");
        for (var r = 1; r <= summary.MaxImages; r++) md.Append(CultureInfo.InvariantCulture, $" round {r} |");
        md.Append(" final | mean images | paper |\n|---|---|");
        for (var r = 1; r <= summary.MaxImages; r++) md.Append("---|");
        md.Append("---|---|---|\n");
        foreach (var c in summary.Configurations)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {c.Name} | {c.Samples} |");
            for (var r = 0; r < summary.MaxImages; r++) md.Append(' ').Append(r < c.ByRound.Count ? F(c.ByRound[r]) : "").Append(" |");
            md.Append(CultureInfo.InvariantCulture, $" **{F(c.Overall)}** | {c.MeanImages:0.00} | {(c.Paper is { } p ? $"{F(p.Value)} ({p.What})" : "")} |\n");
        }

        md.Append("\n| tag |");
        foreach (var c in summary.Configurations) md.Append(' ').Append(c.Name).Append(" |");
        md.Append("\n|---|").Append(string.Concat(summary.Configurations.Select(_ => "---|"))).Append('\n');
        foreach (var tag in summary.Tags)
        {
            md.Append("| ").Append(tag).Append(" |");
            foreach (var c in summary.Configurations)
            {
                var row = c.Tags.FirstOrDefault(t => t.Tag == tag);
                md.Append(' ').Append(row is null ? "" : $"{F(row.Final)} ({row.MeanImages.ToString("0.00", CultureInfo.InvariantCulture)} img)").Append(" |");
            }

            md.Append('\n');
        }

        foreach (var warning in summary.Warnings) md.Append("\n> ").Append(warning).Append('\n');
        return md.ToString();
    }

    private static string F(double score) => score.ToString("0.000", CultureInfo.InvariantCulture);
}
