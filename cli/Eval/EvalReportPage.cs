using System.Globalization;
using System.Net;
using System.Text;
using SkiaSharp;

namespace GenAgent.Cli.Eval;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS, SVG and thumbnails, no network): the score tables beside the
/// paper's numbers, score per round, per-tag bars, the images-used histogram, and a gallery of failures with the
/// judge's reason next to the agent's own judgment.
/// </summary>
internal static class EvalReportPage
{
    public const string FileName = "report.html";

    private const int GalleryLimit = 60;
    private const int ThumbnailSize = 192;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];

    public static string Render(EvalSummary summary, IReadOnlyDictionary<string, EvalResult> results, string runFolder)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>GenAgent eval: ")
            .Append(E(summary.Benchmark)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        html.Append("<h1>").Append(E(summary.Benchmark)).Append(" · judge ").Append(E(summary.Judge)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(summary.Prompts).Append(" prompts · ").Append(E(summary.Size))
            .Append(" · up to ").Append(summary.MaxImages).Append(" images · ").Append(summary.Samples).Append(" samples done")
            .Append(summary.Pending > 0 ? $" · {summary.Pending} pending" : "").Append("</p>");
        if (summary.Simulated)
            html.Append("<p class=\"note\">Simulated: the offline sketch world (sketch agent, sketch generator, sketch judge reading the pixels). ")
                .Append("These numbers measure this product's loop, not any real model, and are not comparable with the paper's.</p>");
        foreach (var warning in summary.Warnings) html.Append("<p class=\"warn\">").Append(E(warning)).Append("</p>");

        Scores(html, summary);
        html.Append("<section id=\"plots\"><h2>Plots</h2><div class=\"plots\">");
        html.Append(RoundsPlot(summary)).Append(TagBars(summary)).Append(ImagesHistogram(summary));
        html.Append("</div></section>");
        Gallery(html, summary, results, runFolder);
        Totals(html, summary);
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    private static void Scores(StringBuilder html, EvalSummary summary)
    {
        html.Append("<section id=\"scores\"><h2>Score per configuration</h2><table><thead><tr><th>configuration</th><th>n</th>");
        for (var r = 1; r <= summary.MaxImages; r++) html.Append("<th>after round ").Append(r).Append("</th>");
        html.Append("<th>final</th><th>mean images</th><th>paper</th></tr></thead><tbody>");
        foreach (var c in summary.Configurations)
        {
            html.Append("<tr><td>").Append(E(c.Name)).Append("</td><td>").Append(c.Samples).Append("</td>");
            for (var r = 0; r < summary.MaxImages; r++) html.Append("<td>").Append(r < c.ByRound.Count ? F(c.ByRound[r]) : "").Append("</td>");
            html.Append("<td><b>").Append(F(c.Overall)).Append("</b></td><td>").Append(c.MeanImages.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(c.Paper is { } p ? $"{F(p.Value)} <span class=\"small\">{E(p.What)}</span>" : "").Append("</td></tr>");
        }

        html.Append("</tbody></table><h2>Final score per tag</h2><table><thead><tr><th>tag</th>");
        foreach (var c in summary.Configurations) html.Append("<th>").Append(E(c.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var tag in summary.Tags)
        {
            html.Append("<tr><td>").Append(E(tag)).Append("</td>");
            foreach (var c in summary.Configurations)
            {
                var row = c.Tags.FirstOrDefault(t => t.Tag == tag);
                html.Append("<td>").Append(row is null ? "" : $"{F(row.Final)} <span class=\"small\">({row.MeanImages.ToString("0.00", CultureInfo.InvariantCulture)} img)</span>").Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table><h2>Outcomes and the agent's own eye</h2><table><thead><tr><th>configuration</th><th>outcomes</th><th>verdicts</th><th>missed flaws</th><th>false alarms</th><th>unreadable replies</th><th>judge failures</th></tr></thead><tbody>");
        foreach (var c in summary.Configurations)
        {
            html.Append("<tr><td>").Append(E(c.Name)).Append("</td><td>").Append(E(string.Join(", ", c.Outcomes.Select(o => $"{o.Key} {o.Value}")))).Append("</td><td>")
                .Append(c.AgentEye.Judged).Append("</td><td>").Append(c.AgentEye.Missed).Append("</td><td>").Append(c.AgentEye.FalseAlarms).Append("</td><td>")
                .Append(c.Unparsed).Append("</td><td>").Append(c.JudgeFailures).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    /// <summary>Score after each round, one line per agent configuration; each baseline is a dashed level line.</summary>
    private static string RoundsPlot(EvalSummary summary)
    {
        const int width = 460, height = 300, left = 50, right = 20, top = 20, bottom = 40;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var rounds = Math.Max(summary.MaxImages, 1);
        double X(int round) => left + (rounds == 1 ? plotW / 2.0 : (round - 1) * plotW / (double)(rounds - 1));
        double Y(double score) => top + (1 - score) * plotH;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg id=\"plot-rounds\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"score per round\">");
        Axes(svg, left, top, plotW, plotH);
        for (var r = 1; r <= rounds; r++)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(r):0.#}\" y=\"{height - 18}\" text-anchor=\"middle\">{r}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + plotW / 2}\" y=\"{height - 2}\" text-anchor=\"middle\">round</text>");
        foreach (var c in summary.Configurations)
        {
            var color = Color(summary, c);
            if (c.Bare)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"series\" x1=\"{left}\" x2=\"{left + plotW}\" y1=\"{Y(c.Overall):0.#}\" y2=\"{Y(c.Overall):0.#}\" stroke=\"{color}\" stroke-dasharray=\"6 4\"><title>{E(c.Name)}: {F(c.Overall)}</title></line>");
                continue;
            }

            var points = string.Join(" ", c.ByRound.Select((s, r) => string.Create(CultureInfo.InvariantCulture, $"{X(r + 1):0.#},{Y(s):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{E(c.Name)}</title></polyline>");
            for (var r = 0; r < c.ByRound.Count; r++)
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(r + 1):0.#}\" cy=\"{Y(c.ByRound[r]):0.#}\" r=\"3\" fill=\"{color}\"><title>{E(c.Name)}, round {r + 1}: {F(c.ByRound[r])}</title></circle>");
        }

        svg.Append("</svg>").Append(Legend(summary, summary.Configurations, c => c.Name + (c.Bare ? " (dashed)" : "")))
            .Append("<figcaption>Score after each round: the latest image by then (test-time scaling).</figcaption></figure>");
        return svg.ToString();
    }

    private static string TagBars(EvalSummary summary)
    {
        const int height = 320, left = 50, top = 20, bottom = 100;
        var groups = summary.Tags.Count;
        var series = Math.Max(summary.Configurations.Count, 1);
        var bar = Math.Clamp(120 / series, 4, 18);
        var groupW = bar * series + 14;
        var width = left + groups * groupW + 20;
        var plotH = height - top - bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg id=\"plot-tags\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"final score per tag\">");
        Axes(svg, left, top, groups * groupW, plotH);
        for (var g = 0; g < groups; g++)
        {
            var x0 = left + g * groupW + 7;
            for (var s = 0; s < summary.Configurations.Count; s++)
            {
                var c = summary.Configurations[s];
                var score = c.Tags.FirstOrDefault(t => t.Tag == summary.Tags[g])?.Final ?? 0;
                var h = score * plotH;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x0 + s * bar}\" y=\"{top + plotH - h:0.#}\" width=\"{bar - 1}\" height=\"{h:0.#}\" fill=\"{Color(summary, c)}\"><title>{E(c.Name)}, {E(summary.Tags[g])}: {F(score)}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0}\" y=\"{top + plotH + 12}\" transform=\"rotate(30 {x0} {top + plotH + 12})\" class=\"small\">{E(summary.Tags[g])}</text>");
        }

        svg.Append("</svg>").Append(Legend(summary, summary.Configurations)).Append("<figcaption>Final score per tag.</figcaption></figure>");
        return svg.ToString();
    }

    /// <summary>How many images each agent configuration used per prompt (task-adaptive: easy prompts stop early).</summary>
    private static string ImagesHistogram(EvalSummary summary)
    {
        const int height = 300, left = 50, top = 20, bottom = 40;
        var agents = summary.Configurations.Where(c => !c.Bare).ToList();
        var buckets = Math.Max(agents.Select(c => c.ImagesHistogram.Count).DefaultIfEmpty(1).Max(), 1);
        var series = Math.Max(agents.Count, 1);
        var bar = Math.Clamp(90 / series, 6, 24);
        var groupW = bar * series + 16;
        var width = left + buckets * groupW + 20;
        var plotH = height - top - bottom;
        var max = Math.Max(agents.SelectMany(c => c.ImagesHistogram).DefaultIfEmpty(1).Max(), 1);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg id=\"plot-images\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"images used\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + buckets * groupW}\" y2=\"{top + plotH}\" stroke=\"#444\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{top + plotH}\" text-anchor=\"end\">0</text>");
        for (var n = 0; n < buckets; n++)
        {
            var x0 = left + n * groupW + 8;
            for (var s = 0; s < agents.Count; s++)
            {
                var count = n < agents[s].ImagesHistogram.Count ? agents[s].ImagesHistogram[n] : 0;
                var h = count * plotH / (double)max;
                var color = Color(summary, agents[s]);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{x0 + s * bar}\" y=\"{top + plotH - h:0.#}\" width=\"{bar - 1}\" height=\"{h:0.#}\" fill=\"{color}\"><title>{E(agents[s].Name)}: {count} prompts with {n} image(s)</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + bar * series / 2}\" y=\"{height - 18}\" text-anchor=\"middle\">{n}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + buckets * groupW / 2}\" y=\"{height - 2}\" text-anchor=\"middle\">images used</text></svg>")
            .Append(Legend(summary, agents)).Append("<figcaption>Prompts by images used (task-adaptive reasoning).</figcaption></figure>");
        return svg.ToString();
    }

    private static void Gallery(StringBuilder html, EvalSummary summary, IReadOnlyDictionary<string, EvalResult> results, string runFolder)
    {
        var agentNames = summary.Configurations.Where(c => !c.Bare).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var failures = results.Values
            .Where(r => agentNames.Contains(r.Configuration) && (r.Rounds.Count == 0 || !r.Rounds[^1].Pass))
            .OrderBy(r => r.Configuration, StringComparer.Ordinal).ThenBy(r => r.Index)
            .ToList();
        html.Append("<section id=\"failures\"><h2>Failures (").Append(failures.Count).Append(")</h2>");
        if (agentNames.Count > 1)
        {
            html.Append("<label>configuration <select id=\"gallery-filter\"><option value=\"\">all</option>");
            foreach (var name in agentNames) html.Append("<option>").Append(E(name)).Append("</option>");
            html.Append("</select></label>");
        }

        html.Append("<div class=\"gallery\">");
        foreach (var result in failures.Take(GalleryLimit))
        {
            var last = result.Rounds.Count == 0 ? null : result.Rounds[^1];
            html.Append("<div class=\"card\" data-configuration=\"").Append(E(result.Configuration)).Append("\">");
            html.Append(last is not null && Thumbnail(Path.Combine(runFolder, last.Image)) is { } thumb
                ? $"<img alt=\"final image of prompt {result.Index}\" src=\"data:image/jpeg;base64,{thumb}\">"
                : "<div class=\"noimage\">no image</div>");
            html.Append("<p><b>#").Append(result.Index).Append("</b> ").Append(E(result.Prompt)).Append("</p><p class=\"small\">")
                .Append(E(result.Configuration)).Append(" · ").Append(E(result.Tag)).Append(" · ").Append(E(result.Outcome)).Append(" · ")
                .Append(result.Rounds.Count).Append(" image(s)</p>");
            html.Append("<div class=\"pair\"><div><h4>judge</h4><p>").Append(E(last?.Reason ?? result.Error ?? "no image to judge")).Append("</p></div>");
            html.Append("<div><h4>agent (").Append(E(last?.AgentDecision ?? "none")).Append(")</h4><p>")
                .Append(E(last?.AgentJudgment ?? "no judgment of its last image")).Append("</p></div></div></div>");
        }

        html.Append("</div>");
        if (failures.Count > GalleryLimit) html.Append("<p class=\"small\">and ").Append(failures.Count - GalleryLimit).Append(" more in results.jsonl.</p>");
        html.Append("</section>");
    }

    private static void Totals(StringBuilder html, EvalSummary summary)
    {
        var t = summary.Totals;
        html.Append("<section id=\"totals\"><h2>What it spent</h2><p>agent tokens ").Append(t.AgentInputTokens).Append(" in / ").Append(t.AgentOutputTokens)
            .Append(" out · ").Append(t.Images).Append(" images · tool cost $").Append(t.ToolCost.ToString("0.00", CultureInfo.InvariantCulture))
            .Append(" · ").Append(t.JudgeCalls).Append(" judge calls, ").Append(t.JudgeInputTokens).Append(" / ").Append(t.JudgeOutputTokens)
            .Append(" tokens · last invocation ").Append(t.SamplesThisRun).Append(" samples in ").Append(t.WallSecondsThisRun.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s</p></section>");
    }

    private static void Axes(StringBuilder svg, int left, int top, int plotW, int plotH)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotH}\" stroke=\"#444\"/><line x1=\"{left}\" y1=\"{top + plotH}\" x2=\"{left + plotW}\" y2=\"{top + plotH}\" stroke=\"#444\"/>");
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var y = top + (1 - tick) * plotH;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + plotW}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{tick:0.00}</text>");
        }
    }

    /// <summary>Each configuration keeps its colour (its place in the run) in every plot.</summary>
    private static string Color(EvalSummary summary, ConfigurationSummary configuration) =>
        Palette[summary.Configurations.ToList().IndexOf(configuration) % Palette.Length];

    private static string Legend(EvalSummary summary, IEnumerable<ConfigurationSummary> shown, Func<ConfigurationSummary, string>? label = null) =>
        "<ul class=\"legend\">" + string.Concat(shown.Select(c => $"<li><span style=\"background:{Color(summary, c)}\"></span>{E(label?.Invoke(c) ?? c.Name)}</li>")) + "</ul>";

    /// <summary>A small JPEG of the image, so the page stays light with real 1024 px images.</summary>
    private static string? Thumbnail(string path)
    {
        if (!File.Exists(path)) return null;
        using var bitmap = SKBitmap.Decode(path);
        if (bitmap is null) return null;
        var scale = Math.Min(1.0, ThumbnailSize / (double)Math.Max(bitmap.Width, bitmap.Height));
        using var resized = bitmap.Resize(new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear));
        using var image = SKImage.FromBitmap(resized ?? bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return Convert.ToBase64String(data.AsSpan());
    }

    private static string F(double score) => score.ToString("0.000", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}table{border-collapse:collapse;margin:8px 0 20px}" +
        "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}" +
        ".meta,.small{color:#666;font-size:12px}.note{background:#eef5ff;padding:8px}.warn{background:#fff4e0;padding:8px}" +
        ".plots{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}svg text{font-size:11px;fill:#333}" +
        ".legend{list-style:none;padding:0;font-size:12px}.legend li{display:inline-block;margin-right:12px}" +
        ".legend span{display:inline-block;width:10px;height:10px;margin-right:4px}" +
        ".gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}" +
        ".card{border:1px solid #ddd;padding:8px;font-size:13px}.card img{width:192px;display:block}.noimage{width:192px;height:96px;background:#eee}" +
        ".pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}.pair h4{margin:4px 0}.pair p{margin:0;word-break:break-word}";

    // Filters the failure gallery by configuration; the page reads fine without it.
    private const string Script =
        "(function(){var f=document.getElementById('gallery-filter');if(!f)return;f.addEventListener('change',function(){" +
        "document.querySelectorAll('.card').forEach(function(c){c.style.display=!f.value||c.dataset.configuration===f.value?'':'none';});});})();";
}
