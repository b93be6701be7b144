using PuppeteerSharp;
using Xunit.Abstractions;

namespace GenAgent.Cli.Tests.Eval;

/// <summary>The report page of a real offline run, rendered in headless Chromium (Debian's, which .ci/run installs).</summary>
public sealed class EvalReportPageTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_renders_without_console_errors_with_its_plots_and_a_filterable_failure_gallery()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        using var cli = new CliProcess();
        var run = Path.Combine(cli.WorkDir, "run");
        // Two agents (the offline one and a second sketch agent profile) on the offline generator, and its baseline, one
        // image each, so some prompts fail and the gallery has a filter.
        var result = await cli.RunAsync(
            ["eval", "--limit", "4", "--max-images", "1", "--bare", "--agent", "offline", "--agent", "sketch2", "--generator", "offline", "--out", run],
            new Dictionary<string, string?> { ["GenAgent__Profiles__sketch2__Agent__Backend"] = "sketch" });
        Assert.True(result.ExitCode == 0, result.ToString());

        var profile = Directory.CreateTempSubdirectory("genagent-chromium-");
        try
        {
            await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                UserDataDir = profile.FullName,
                // This machine's network is closed: without these Chromium keeps dialling Google's hosts.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            await using var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
            page.PageError += (_, e) => errors.Add(e.Message);
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });

            await page.GoToAsync(new Uri(Path.Combine(run, "report.html")).AbsoluteUri);

            Assert.Equal(2, (await page.QuerySelectorAllAsync("#plot-rounds polyline.series")).Length);
            Assert.Single(await page.QuerySelectorAllAsync("#plot-rounds line.series"));
            Assert.Equal(3 * 7, (await page.QuerySelectorAllAsync("#plot-tags rect.bar")).Length);
            Assert.NotEmpty(await page.QuerySelectorAllAsync("#plot-images rect.bar"));
            var cards = await page.QuerySelectorAllAsync("#failures .card");
            Assert.NotEmpty(cards);
            Assert.NotEmpty(await page.QuerySelectorAllAsync("#failures .card img[src^='data:image/jpeg;base64,']"));
            var judged = await page.EvaluateExpressionAsync<int>("[...document.querySelectorAll('#failures .pair')].filter(p => p.children.length === 2).length");
            Assert.Equal(cards.Length, judged);

            await page.SelectAsync("#gallery-filter", "sketch2 + offline");
            var shown = await page.EvaluateExpressionAsync<string[]>(
                "[...document.querySelectorAll('#failures .card')].filter(c => c.style.display !== 'none').map(c => c.dataset.configuration)");
            Assert.All(shown, c => Assert.Equal("sketch2 + offline", c));
            await page.SelectAsync("#gallery-filter", "");

            var artefacts = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artefacts"));
            var screenshot = Path.Combine(artefacts.FullName, "eval-report.png");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });
            output.WriteLine($"screenshot: {screenshot}");
            Assert.True(new FileInfo(screenshot).Length > 10_000);
            Assert.Empty(errors);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
