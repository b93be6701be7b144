using System.Globalization;
using System.Text;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using static System.Net.WebUtility;

namespace GenAgent.Core.Reports;

/// <summary>
/// The effort-high part of a report: every candidate side by side (its final image, outcome, what made it differ) and
/// every comparison with its winner and the judge's reasoning, not only the winner's rounds.
/// </summary>
internal static class ReportCandidates
{
    public static void Append(StringBuilder html, Trajectory t, Func<ImageRef, string> imageSource)
    {
        if (t.Candidates is not { Count: > 0 } candidates) return;
        var winner = t.FinalImage;
        html.Append("<section class=\"card\"><h2>Candidates</h2><div class=\"candidates\">");
        foreach (var c in candidates)
        {
            var won = winner is not null && c.FinalImage?.Key == winner.Key;
            html.Append("<figure class=\"candidate").Append(won ? " winner" : "").Append("\">");
            if (c.FinalImage is not null)
                html.Append("<img alt=\"candidate ").Append(Invariant(c.Index)).Append("\" src=\"").Append(HtmlEncode(imageSource(c.FinalImage))).Append("\">");
            html.Append("<figcaption>candidate ").Append(Invariant(c.Index)).Append(won ? " · winner" : "")
                .Append("<br>").Append(HtmlEncode(c.Outcome.Kind.ToString())).Append(" · ").Append(Invariant(c.ImagesUsed)).Append(" images")
                .Append("<br>temperature ").Append(c.Temperature is { } temperature ? temperature.ToString("0.##", CultureInfo.InvariantCulture) : "configured")
                .Append(" · seed base ").Append(Invariant(c.SeedBase)).Append("</figcaption></figure>");
        }

        html.Append("</div>");
        foreach (var m in t.Comparisons ?? [])
        {
            html.Append("<div class=\"comparison\"><div class=\"label\">Round ").Append(Invariant(m.Round)).Append(": candidate ")
                .Append(Invariant(m.CandidateA)).Append(" vs ").Append(Invariant(m.CandidateB)).Append(" → winner ").Append(Invariant(m.Winner))
                .Append(m.Fallback ? " (no verdict; fewer images won)" : "").Append("</div>");
            if (!string.IsNullOrWhiteSpace(m.Reasoning)) html.Append("<div class=\"judge\">").Append(HtmlEncode(m.Reasoning)).Append("</div>");
            html.Append("</div>");
        }

        html.Append("</section>\n");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
