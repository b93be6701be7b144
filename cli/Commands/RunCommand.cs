using System.CommandLine;
using GenAgent.Cli.Hosting;
using GenAgent.Cli.Output;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Starting;
using Spectre.Console;

namespace GenAgent.Cli.Commands;

/// <summary><c>genagent run "&lt;prompt&gt;"</c>: one agent session, watched live, written to the out folder.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var prompt = new Argument<string>("prompt") { Description = "What the image should show." };
        // Prompt, effort and budgets are checked by the start rule every front door shares (StartRules), so a bad value
        // gets the message the API, Discord and the triggers give; the flags only describe their ranges.
        var profile = CommonOptions.Profile();
        var maxImages = new Option<int?>("--max-images") { Description = "Most images the agent may make (1-16)." };
        var maxTurns = new Option<int?>("--max-turns") { Description = "Most model turns (1-64)." };
        var effort = new Option<string?>("--effort") { Description = "low: one image, no reflection; medium: the agent loop (default); high: --candidates agent loops side by side, each with its own seeds, then the agent model judges their final images in pairs and the tournament winner is kept." };
        effort.CompletionSources.Add("low", "medium", "high");
        var candidates = new Option<int?>("--candidates")
        {
            Description = $"Candidate episodes with --effort high; each gets the full image and turn budgets ({SessionOptions.MinCandidates}-{SessionOptions.MaxCandidates}).",
        };
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
            var requested = new StartOptions
            {
                MaxImages = parse.GetValue(maxImages),
                MaxTurns = parse.GetValue(maxTurns),
                Effort = parse.GetValue(effort),
                Candidates = parse.GetValue(candidates),
                Seed = parse.GetValue(seed),
                Width = explicitSize?.Width,
                Height = explicitSize?.Height,
                Fallback = parse.GetValue(fallback),
                CandidateTemperature = parse.GetValue(candidateTemperature),
            };
            return RunAsync(
                parse.GetValue(prompt)!, requested, parse.GetValue(image), parse.GetValue(profile), parse.GetValue(output)!,
                parse.GetValue(json), parse.GetValue(store), parse.GetValue(taskHub)!, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string prompt, StartOptions requested, FileInfo? inputImage, string? profile, string outPath, bool json,
        string? durableStore, string taskHub, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Build();
        var (_, options) = CliConfiguration.Resolve(configuration, profile);
        CliConfiguration.Protocol(options);
        var api = CliConfiguration.Api(configuration, options);
        SessionRequest request;
        try
        {
            request = api.Rules.Check(prompt, requested);
        }
        catch (InvalidStartException invalid)
        {
            throw new CliException(invalid.Message);
        }
        var output = OutFolder.Prepare(outPath);
        var console = CliConsole.For(json);

        await using var host = await EngineFactory.CreateAsync(options, durableStore, taskHub, cancellationToken);
        var sessionId = SessionIds.New();
        await new SessionLauncher(host.Engine).LaunchAsync(
            sessionId,
            userId: null,
            async ct => inputImage is null ? request : request with { InputImage = await InputImage.StoreAsync(inputImage, api, sessionId, host.Store, ct) },
            freshId: true,
            cancellationToken: cancellationToken);
        console.MarkupLine($"[grey]session[/] {Markup.Escape(sessionId)}");

        using var ctrlC = new CtrlC(() => host.Engine.CancelAsync(sessionId, CancellationToken.None), Console.Error);
        var snapshot = await new LiveSession(console, host.Engine, host.Store).WatchAsync(sessionId, cancellationToken);
        await ctrlC.CompletionAsync();
        return await SessionFinisher.FinishAsync(snapshot, host, output, console, json, cancellationToken);
    }
}
