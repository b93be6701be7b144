using System.CommandLine;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent run "&lt;prompt&gt;"</c>: one agent session, watched live, written to the out folder.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "What the image should show." };
        prompt.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) r.AddError("the prompt is empty.");
        });
        var profile = CommonOptions.Profile();
        var maxImages = CommonOptions.Range("--max-images", "Most images the agent may make", 1, 16);
        var maxTurns = CommonOptions.Range("--max-turns", "Most model turns", 1, 64);
        var effort = new Option<string?>("--effort") { Description = "low: one image, no reflection; medium: the agent loop (default); high: --candidates agent loops side by side, each with its own seeds, then the agent model judges their final images in pairs and the tournament winner is kept." };
        effort.AcceptOnlyFromAmong("low", "medium", "high");
        var candidates = CommonOptions.Range("--candidates", "Candidate episodes with --effort high; each gets the full image and turn budgets", SessionOptions.MinCandidates, SessionOptions.MaxCandidates);
        var seed = new Option<long?>("--seed") { Description = "Base seed; each tool call derives its own from it (default 0)." };
        var size = CommonOptions.Size(ImageSize.Default.ToString());
        size.Description = "Image size WIDTHxHEIGHT (default: the protocol profile's, 1024x1024; 512x512 for genagent-v1).";
        var candidateTemperature = new Option<float?>("--candidate-temperature")
        {
            Description = "With --effort high, the temperature candidates after the first sample at (0-2, default 0.7), so a temperature-0 model still explores.",
        };
        var fallback = new Option<bool?>("--fallback")
        {
            Description = "When no attempt yields an image, retry the trajectory and finally generate once from the raw prompt (default: on for the genagent protocols, off otherwise).",
        };
        var image = new Option<FileInfo>("--image") { Description = "An image to start from (PNG, JPEG or WebP)." };
        image.AcceptExistingOnly();
        var output = CommonOptions.Out();
        var json = CommonOptions.Json();
        var store = CommonOptions.Store();
        var taskHub = CommonOptions.TaskHub();

        var command = new Command("run", "Run one agent session for a prompt and write its images and report.")
        {
            prompt, profile, maxImages, maxTurns, effort, candidates, seed, size, candidateTemperature, fallback, image, output, json, store, taskHub,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // Unset flags take the protocol profile's defaults (v1: 2 images at 512 px), known once the profile is resolved.
            var explicitSize = parse.GetResult(size) is { Implicit: false } ? parse.GetValue(size) : (ImageSize?)null;
            SessionOptions Apply(SessionOptions defaults) => defaults with
            {
                MaxImages = parse.GetValue(maxImages) ?? defaults.MaxImages,
                MaxTurns = parse.GetValue(maxTurns) ?? defaults.MaxTurns,
                Effort = parse.GetValue(effort) is { } e ? Enum.Parse<Effort>(e, ignoreCase: true) : defaults.Effort,
                Candidates = parse.GetValue(candidates) ?? defaults.Candidates,
                Seed = defaults.Seed with { Base = parse.GetValue(seed) ?? defaults.Seed.Base },
                Width = explicitSize?.Width ?? defaults.Width,
                Height = explicitSize?.Height ?? defaults.Height,
                Fallback = parse.GetValue(fallback) ?? defaults.Fallback,
                CandidateTemperature = parse.GetValue(candidateTemperature) ?? defaults.CandidateTemperature,
            };
            return RunAsync(
                parse.GetValue(prompt)!, Apply, parse.GetValue(image), parse.GetValue(profile), parse.GetValue(output)!,
                parse.GetValue(json), parse.GetValue(store), parse.GetValue(taskHub)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string prompt, Func<SessionOptions, SessionOptions> apply, FileInfo? inputImage, string? profile, string outPath, bool json,
        string? durableStore, string taskHub, CancellationToken cancellationToken)
    {
        var (_, options) = CliConfiguration.Resolve(CliConfiguration.Build(), profile);
        CliConfiguration.Protocol(options);
        var sessionOptions = apply(options.SessionDefaults());
        if (sessionOptions.Validate() is { Count: > 0 } problems) throw new CliException(problems[0]);
        var output = OutFolder.Prepare(outPath);
        var console = CliConsole.For(json);

        await using var host = await EngineFactory.CreateAsync(options, durableStore, taskHub, cancellationToken);
        var sessionId = SessionIds.New();
        var input = inputImage is null ? null : await InputImage.StoreAsync(inputImage, sessionId, host.Store, cancellationToken);
        await host.Engine.StartAsync(new SessionRequest(prompt, sessionOptions, input), sessionId, cancellationToken);
        console.MarkupLine($"[grey]session[/] {Markup.Escape(sessionId)}");

        using var ctrlC = new CtrlC(() => host.Engine.CancelAsync(sessionId, CancellationToken.None), Console.Error);
        var snapshot = await new LiveSession(console, host.Engine, host.Store).WatchAsync(sessionId, cancellationToken);
        await ctrlC.CompletionAsync();
        return await SessionFinisher.FinishAsync(snapshot, host, output, console, json, cancellationToken);
    }
}
