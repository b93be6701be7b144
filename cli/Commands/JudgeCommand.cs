using System.CommandLine;
using System.Text.Json;
using GenAgent.Cli.Eval;
using GenAgent.Cli.Output;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Benchmarks;
using GenAgent.Core.Judging;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary>
/// <c>genagent judge &lt;image&gt; --prompt "..."</c>: one image against a prompt (or a benchmark line's checklist), each
/// check with expected and found. Exit 0 when it passes, 1 when it fails, 2 on bad input.
/// </summary>
internal static class JudgeCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("image") { Description = "The image to judge (PNG, JPEG or WebP)." };
        var prompt = new Option<string>("--prompt") { Description = "What the image should show.", Required = true };
        var checklist = new Option<string?>("--checklist") { Description = "A JSON file with one benchmark line ({\"tag\", \"prompt\", \"include\", \"exclude\"?}); default: read the checks from the prompt." };
        var judge = CommonOptions.Judge("Which judge");
        var json = CommonOptions.Json();
        var profile = CommonOptions.Profile();
        var explanation = new Option<string?>("--explanation") { Description = "For the WISE judges: what the prompt really asks the image to show (the WISE item's Explanation)." };
        var command = new Command("judge", "Judge one image against a prompt: every check with what was expected and what was found.") { image, prompt, checklist, explanation, judge, profile, json };
        command.SetAction((parse, cancellationToken) => JudgeAsync(
            parse.GetValue(image)!, parse.GetValue(prompt)!, parse.GetValue(checklist), parse.GetValue(explanation), parse.GetValue(judge)!, parse.GetValue(profile), parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> JudgeAsync(
        string imagePath, string prompt, string? checklistPath, string? explanation, string judgeName, string? profile, bool json, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new CliException("--prompt is empty; say what the image should show.");
        }

        judgeName = JudgeCatalog.Canonical(judgeName);
        var image = ReadImage(imagePath);
        var request = new JudgeRequest(prompt, checklistPath is null ? null : ReadChecklist(checklistPath), explanation);
        ImageVerdict verdict;
        try
        {
            await using var lease = JudgeCatalog.Create(judgeName, CliConfiguration.Resolve(CliConfiguration.Build(), profile).Options);
            verdict = await lease.Judge.JudgeAsync(image, request, cancellationToken);
        }
        catch (ArgumentException bad)
        {
            throw new CliException(bad.Message.Split(" (Parameter", 2)[0]);
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new JudgeResultJson(verdict.Pass, verdict.Judge, prompt, verdict.Checks), CliJson.Default.JudgeResultJson));
        }
        else
        {
            var console = CliConsole.For(json: false);
            foreach (var check in verdict.Checks)
            {
                var mark = check.Pass ? "[green]pass[/]" : "[red]FAIL[/]";
                console.MarkupLine($"{mark}  {Markup.Escape(check.Check),-8} expected {Markup.Escape(check.Expected)}; found {Markup.Escape(check.Found)}");
            }

            console.MarkupLine(verdict.Pass ? "[green]the image passes[/]" : "[red]the image fails[/]");
        }

        return verdict.Pass ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The file's bytes when it holds a PNG, JPEG or WebP image; a one-line error otherwise.</summary>
    private static byte[] ReadImage(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"image '{path}' does not exist.");
        }

        var bytes = File.ReadAllBytes(path);
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.EncodedFormat is not (SkiaSharp.SKEncodedImageFormat.Png or SkiaSharp.SKEncodedImageFormat.Jpeg or SkiaSharp.SKEncodedImageFormat.Webp))
        {
            throw new CliException($"'{path}' is not a PNG, JPEG or WebP image.");
        }

        return bytes;
    }

    private static BenchmarkItem ReadChecklist(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"--checklist '{path}' does not exist.");
        }

        try
        {
            // One benchmark line; the file may spread it over several lines.
            var text = File.ReadAllText(path).ReplaceLineEndings(" ");
            return BenchmarkSet.Parse(text, path, 1);
        }
        catch (FormatException bad)
        {
            throw new CliException($"--checklist: {bad.Message}");
        }
    }
}
