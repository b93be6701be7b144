using System.Globalization;
using System.Text;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using static System.Net.WebUtility;

namespace GenAgent.Core.Reports;

/// <summary>
/// Renders a trajectory as one self-contained HTML page. Every piece of model or user text is HTML-encoded:
/// model output is untrusted and a report is opened in a browser.
/// </summary>
public static class ReportRenderer
{
    /// <summary>Reasoning longer than this folds into a collapsible block so the rounds stay scannable.</summary>
    internal const int CollapseThinkAt = 400;

    /// <summary>Seconds between reloads of a live page.</summary>
    internal const int LiveRefreshSeconds = 3;

    /// <param name="trajectory">The session so far, or finished.</param>
    /// <param name="imageSource">The <c>src</c> of an image: a <c>data:</c> URI for a file report, a URL for a web page.</param>
    /// <param name="live">Adds a periodic reload, for a page that watches a running session.</param>
    public static string Render(Trajectory trajectory, Func<ImageRef, string> imageSource, bool live = false)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(imageSource);

        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (live) html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{LiveRefreshSeconds}\">\n");
        html.Append("<title>GenAgent: ").Append(HtmlEncode(Excerpt(trajectory.Prompt, 80))).Append("</title>\n")
            .Append("<style>").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n<main>\n");

        AppendHeader(html, trajectory);
        AppendOptions(html, trajectory);
        AppendOutcome(html, trajectory, imageSource);
        AppendTotals(html, trajectory);
        ReportCandidates.Append(html, trajectory, imageSource);
        AppendTurns(html, trajectory, imageSource);

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, Trajectory t)
    {
        html.Append("<h1>GenAgent session</h1>\n<div class=\"muted\">").Append(HtmlEncode(t.SessionId)).Append("</div>\n")
            .Append("<section class=\"card\"><h2>Prompt</h2><div class=\"prompt\">").Append(HtmlEncode(t.Prompt)).Append("</div></section>\n");
    }

    private static void AppendOptions(StringBuilder html, Trajectory t)
    {
        var o = t.Options;
        html.Append("<section class=\"card\"><h2>Options</h2><dl class=\"grid\">");
        Item(html, "Max images", Invariant(o.MaxImages));
        Item(html, "Max turns", Invariant(o.MaxTurns));
        Item(html, "Size", string.Create(CultureInfo.InvariantCulture, $"{o.Width}×{o.Height}"));
        Item(html, "Effort", o.Effort.ToString().ToLowerInvariant());
        Item(html, "Seed", string.Create(CultureInfo.InvariantCulture, $"{o.Seed.Mode} from {o.Seed.Base}"));
        Item(html, "Tools", string.Join(", ", o.Tools));
        if (t.Protocol is not null) Item(html, "Protocol", $"{t.Protocol} ({t.SystemPromptSource ?? "built-in"} prompt)");
        if (t.InputImage is not null) Item(html, "Input image", t.InputImage.Key);
        html.Append("</dl></section>\n");
    }

    private static void AppendOutcome(StringBuilder html, Trajectory t, Func<ImageRef, string> imageSource)
    {
        html.Append("<section class=\"card final-card\"><h2>Outcome</h2>");
        if (t.Outcome is null)
        {
            html.Append("<span class=\"badge b-generate\">running</span>");
        }
        else
        {
            html.Append("<span class=\"badge ").Append(OutcomeClass(t.Outcome.Kind)).Append("\">")
                .Append(HtmlEncode(OutcomeLabel(t.Outcome.Kind))).Append("</span>");
            if (!string.IsNullOrWhiteSpace(t.Outcome.Reason))
                html.Append("<p class=\"reason\">").Append(HtmlEncode(t.Outcome.Reason)).Append("</p>");
        }

        if (t.FinalImage is not null)
        {
            html.Append("<figure class=\"final\"><img alt=\"final image\" src=\"").Append(HtmlEncode(imageSource(t.FinalImage)))
                .Append("\"><figcaption>final image</figcaption></figure>");
        }

        html.Append("</section>\n");
    }

    private static void AppendTotals(StringBuilder html, Trajectory t)
    {
        var usage = t.Usage;
        html.Append("<section class=\"card\"><h2>Totals</h2><dl class=\"grid\">");
        Item(html, "Images used", Invariant(t.ImagesUsed));
        Item(html, "Turns", Invariant(t.Turns.Count));
        Item(html, "Input tokens", Invariant(usage.InputTokens));
        Item(html, "Output tokens", Invariant(usage.OutputTokens));
        Item(html, "Tool cost", t.ToolCost.ToString("$0.00##", CultureInfo.InvariantCulture));
        Item(html, "Model time", Seconds(t.Turns.Sum(x => x.ModelSeconds)));
        Item(html, "Tool time", Seconds(t.Turns.Sum(x => x.ToolSeconds)));
        if (t.StartedAt is { } start && t.EndedAt is { } end) Item(html, "Wall time", Seconds((end - start).TotalSeconds));
        html.Append("</dl></section>\n");
    }

    private static void AppendTurns(StringBuilder html, Trajectory t, Func<ImageRef, string> imageSource)
    {
        var judgments = ReportJudgments.Attribute(t.Turns);
        var imagesSoFar = 0;
        var round = 0;
        for (var i = 0; i < t.Turns.Count; i++)
        {
            var turn = t.Turns[i];
            if (turn.Image is not null) round++;
            var decision = Decision(turn, imagesSoFar);
            html.Append("<section class=\"card turn\" id=\"turn-").Append(Invariant(turn.Index)).Append("\"><header>")
                .Append("<h2>").Append(turn.Image is null ? "Turn " + Invariant(turn.Index + 1) : "Round " + Invariant(round)).Append("</h2>")
                .Append("<span class=\"badge ").Append(decision.CssClass).Append("\">").Append(HtmlEncode(decision.Label)).Append("</span>")
                .Append("</header>\n");

            if (!judgments.ShownWithImage.Contains(i)) Block(html, "Judgment of the previous image", "judge", turn.Judgment);
            Think(html, turn.Think);
            if (turn.Argument is not null)
                Block(html, turn.Kind == TurnKind.Edit ? "Edit instruction" : "Caption", "arg", turn.Argument);

            var facts = new List<string>();
            if (turn.Tool is not null) facts.Add("tool " + turn.Tool);
            if (turn.Seed is { } seed) facts.Add("seed " + Invariant(seed));
            if (turn.ModelSeconds > 0) facts.Add("model " + Seconds(turn.ModelSeconds));
            if (turn.ToolSeconds > 0) facts.Add("tool " + Seconds(turn.ToolSeconds));
            if (turn.ToolCost is { } cost) facts.Add(cost.ToString("$0.00##", CultureInfo.InvariantCulture));
            if (facts.Count > 0) html.Append("<div class=\"muted\">").Append(HtmlEncode(string.Join(" · ", facts))).Append("</div>\n");

            if (turn.Image is not null)
            {
                imagesSoFar++;
                var isFinal = t.FinalImage is not null && t.FinalImage.Key == turn.Image.Key;
                html.Append("<figure").Append(isFinal ? " class=\"final\"" : "").Append("><img loading=\"lazy\" alt=\"round ")
                    .Append(Invariant(round)).Append(" image\" src=\"").Append(HtmlEncode(imageSource(turn.Image))).Append("\"><figcaption>")
                    .Append(HtmlEncode(turn.Image.Key)).Append(isFinal ? "<span class=\"badge b-final\">final</span>" : "")
                    .Append("</figcaption></figure>\n");
                if (judgments.ByImageTurn.TryGetValue(i, out var judgment)) Block(html, "Judgment", "judge", judgment);
            }

            if (turn.Error is not null) html.Append("<p class=\"error\">").Append(HtmlEncode(turn.Error)).Append("</p>\n");
            if (turn.Kind == TurnKind.ProtocolError && turn.RawText is not null)
            {
                html.Append("<div class=\"label\">Raw model output</div><pre class=\"raw\">").Append(HtmlEncode(turn.RawText)).Append("</pre>\n");
            }

            html.Append("</section>\n");
        }
    }

    private static (string Label, string CssClass) Decision(TurnRecord turn, int imagesSoFar) => turn.Kind switch
    {
        TurnKind.Generate when imagesSoFar == 0 => ("generate", "b-generate"),
        TurnKind.Generate => ("regenerate", "b-regenerate"),
        TurnKind.Edit => ("edit", "b-edit"),
        TurnKind.Done => ("done", "b-done"),
        TurnKind.BudgetStop => ("budget stop", "b-budget"),
        TurnKind.ProtocolError => ("protocol error", "b-error"),
        TurnKind.Fallback => ("fallback generation", "b-budget"),
        _ => throw new InvalidOperationException($"Unknown turn kind {turn.Kind}."),
    };

    private static string OutcomeLabel(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => "done",
        OutcomeKind.ImageBudgetReached => "image budget reached",
        OutcomeKind.TurnBudgetReached => "turn budget reached",
        OutcomeKind.CostBudgetReached => "cost budget reached",
        OutcomeKind.Cancelled => "cancelled",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Fallback => "fallback",
        _ => throw new InvalidOperationException($"Unknown outcome {kind}."),
    };

    private static string OutcomeClass(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Done => "b-done",
        OutcomeKind.ImageBudgetReached or OutcomeKind.TurnBudgetReached or OutcomeKind.CostBudgetReached or OutcomeKind.Fallback => "b-budget",
        OutcomeKind.Cancelled => "b-cancelled",
        OutcomeKind.Failed => "b-failed",
        _ => throw new InvalidOperationException($"Unknown outcome {kind}."),
    };

    private static void Think(StringBuilder html, string? think)
    {
        if (string.IsNullOrWhiteSpace(think)) return;
        html.Append("<div class=\"label\">Reasoning</div>");
        if (think.Length <= CollapseThinkAt)
        {
            html.Append("<p class=\"think\">").Append(HtmlEncode(think)).Append("</p>\n");
            return;
        }

        html.Append("<details><summary>").Append(HtmlEncode(Excerpt(think, 160))).Append("</summary><p class=\"think\">")
            .Append(HtmlEncode(think)).Append("</p></details>\n");
    }

    private static void Block(StringBuilder html, string label, string cssClass, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        html.Append("<div class=\"label\">").Append(HtmlEncode(label)).Append("</div><p class=\"").Append(cssClass).Append("\">")
            .Append(HtmlEncode(text)).Append("</p>\n");
    }

    private static void Item(StringBuilder html, string name, string value) =>
        html.Append("<div><dt>").Append(HtmlEncode(name)).Append("</dt><dd>").Append(HtmlEncode(value)).Append("</dd></div>");

    private static string Excerpt(string text, int max)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
