using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Starting;
using System.Text.Json;
using System.Threading.Channels;
using GenAgent.Cli.Commands;
using GenAgent.Cli.Hosting;
using GenAgent.Core.Configuration;
using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Cli.Eval;

/// <summary>
/// Runs what a run folder still lacks: each configuration on each prompt not yet in <c>results.jsonl</c>, every image
/// judged, each sample written the moment it is complete. Samples whose judge failed are judged again from their stored
/// images; nothing finished is generated or judged twice.
/// </summary>
internal sealed class EvalRunner(EvalPlan plan, string runFolder, IImageJudge judge, EvalResultsFile results, int concurrency)
{
    // A session id per invocation: a resumed run starts fresh engines, whose ids must not meet the killed run's.
    private readonly string _runTag = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The work left: samples not yet recorded, and recorded ones with a round the judge could not score.</summary>
    public static List<(EvalConfiguration Configuration, EvalItem Item, EvalResult? Previous)> Pending(
        EvalPlan plan, IReadOnlyList<EvalItem> items, IReadOnlyDictionary<string, EvalResult> done, IReadOnlyDictionary<string, EvalResult>? source)
    {
        var pending = new List<(EvalConfiguration, EvalItem, EvalResult?)>();
        foreach (var configuration in plan.Configurations)
        {
            foreach (var item in items)
            {
                var key = EvalResult.KeyOf(configuration.Name, item.Index);
                // A re-judging run scores only what the run it re-judges holds.
                if (source is not null && !source.ContainsKey(key)) continue;
                if (!done.TryGetValue(key, out var previous)) pending.Add((configuration, item, null));
                else if (previous.Rounds.Any(r => r.JudgeFailed)) pending.Add((configuration, item, previous));
            }
        }

        return pending;
    }

    public async Task RunAsync(
        IReadOnlyList<(EvalConfiguration Configuration, EvalItem Item, EvalResult? Previous)> pending,
        Func<EvalConfiguration, GenAgentOptions> optionsFor,
        IReadOnlyDictionary<string, EvalResult>? source,
        Action<EvalResult> onSample,
        CancellationToken cancellationToken)
    {
        foreach (var group in pending.GroupBy(p => p.Configuration))
        {
            var work = group.ToList();
            var needsTools = source is null && work.Any(w => w.Previous is null);
            await using var tools = needsTools
                ? await ConfigurationTools.CreateAsync(group.Key, optionsFor(group.Key), Math.Min(concurrency, work.Count), cancellationToken)
                : null;
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (w, ct) =>
                {
                    var result = w.Previous is { } previous ? await RejudgeAsync(previous, w.Item, all: false, ct)
                        : source is not null ? await RejudgeAsync(Relocate(source[EvalResult.KeyOf(w.Configuration.Name, w.Item.Index)]), w.Item, all: true, ct)
                        : w.Configuration.Bare ? await BareAsync(tools!, w.Configuration, w.Item, ct)
                        : await AgentAsync(tools!, w.Configuration, w.Item, ct);
                    results.Append(result);
                    onSample(result);
                });
        }
    }

    /// <summary>The generator alone on the raw prompt, one image with the prompt's seed.</summary>
    private async Task<EvalResult> BareAsync(ConfigurationTools tools, EvalConfiguration configuration, EvalItem item, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        var generator = tools.Services.GetRequiredService<IImageGenerator>();
        GeneratedImage image;
        try
        {
            image = await generator.GenerateAsync(new GenerationRequest(item.Prompt, plan.Width, plan.Height, item.Index), cancellationToken);
        }
        catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Result(configuration, item, "failed", [], started) with { Error = failed.Message };
        }

        var path = Save(configuration, item, 1, image.Png);
        var round = await JudgeAsync(new EvalRound { Round = 1, Image = path, Tool = "bare" }, image.Png, item, cancellationToken);
        return Result(configuration, item, "bare", [round], started) with { ToolCost = image.Cost ?? 0 };
    }

    private async Task<EvalResult> AgentAsync(ConfigurationTools tools, EvalConfiguration configuration, EvalItem item, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        var lane = await tools.Lanes.Reader.ReadAsync(cancellationToken);
        try
        {
            var options = tools.Defaults with
            {
                MaxImages = plan.MaxImages,
                Width = plan.Width,
                Height = plan.Height,
                Seed = new SeedPolicy(SeedMode.PerTurn, item.Index),
            };
            // Through the launcher like every other start: a resumed run finds a sample's session instead of starting it again.
            var id = $"eval-{_runTag}-{configuration.Folder}-{item.Index:D4}";
            await new SessionLauncher(lane.Engine).LaunchAsync(id, userId: null, new SessionRequest(item.Prompt, options), cancellationToken);
            var snapshot = await lane.Engine.WaitForCompletionAsync(id, cancellationToken: cancellationToken);
            if (snapshot.Trajectory is not { } trajectory)
                return Result(configuration, item, "failed", [], started) with { SessionId = id, Error = "the session ended without a trajectory" };

            var rounds = new List<EvalRound>();
            var turns = trajectory.Turns;
            for (var t = 0; t < turns.Count; t++)
            {
                if (turns[t].Image is not { } image) continue;
                var png = await lane.Store.TryGetAsync(image.Key, cancellationToken)
                    ?? throw new InvalidOperationException($"Session {id} names an image the store does not hold ({image.Key}).");
                var next = t + 1 < turns.Count ? turns[t + 1] : null;
                var round = new EvalRound
                {
                    Round = rounds.Count + 1,
                    Image = Save(configuration, item, rounds.Count + 1, png),
                    Tool = turns[t].Kind == TurnKind.Fallback ? "fallback" : turns[t].Tool,
                    AgentDecision = next?.Kind switch
                    {
                        TurnKind.Done => "done",
                        TurnKind.Generate or TurnKind.Edit or TurnKind.BudgetStop => "continued",
                        _ => "none",
                    },
                    AgentJudgment = next?.Judgment,
                };
                rounds.Add(await JudgeAsync(round, png, item, cancellationToken));
            }

            var outcome = trajectory.Outcome?.Kind ?? OutcomeKind.Failed;
            return Result(configuration, item, JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()), rounds, started) with
            {
                SessionId = id,
                Error = outcome is OutcomeKind.Failed or OutcomeKind.Fallback ? trajectory.Outcome?.Reason : null,
                InputTokens = trajectory.Usage.InputTokens,
                OutputTokens = trajectory.Usage.OutputTokens,
                ToolCost = trajectory.ToolCost,
            };
        }
        finally
        {
            tools.Lanes.Writer.TryWrite(lane);
        }
    }

    /// <summary>Scores the stored images again: the rounds the judge failed on, or all of them (<paramref name="all"/>) in a re-judging run.</summary>
    private async Task<EvalResult> RejudgeAsync(EvalResult previous, EvalItem item, bool all, CancellationToken cancellationToken)
    {
        var rounds = new List<EvalRound>();
        foreach (var round in previous.Rounds)
        {
            if (!all && !round.JudgeFailed)
            {
                rounds.Add(round);
                continue;
            }

            var png = await File.ReadAllBytesAsync(Path.Combine(runFolder, round.Image), cancellationToken);
            rounds.Add(await JudgeAsync(round, png, item, cancellationToken));
        }

        return previous with { Rounds = rounds };
    }

    /// <summary>A result of the run being re-judged, its image paths made relative to this run's folder.</summary>
    private EvalResult Relocate(EvalResult result) => result with
    {
        Rounds = result.Rounds.Select(r => r with
        {
            Image = Path.GetRelativePath(runFolder, Path.Combine(plan.RejudgeOf!, r.Image)),
        }).ToList(),
    };

    private async Task<EvalRound> JudgeAsync(EvalRound round, byte[] png, EvalItem item, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await judge.JudgeAsync(png, item.Request, cancellationToken);
            return round with
            {
                Pass = verdict.Pass,
                Score = verdict.Value,
                Reason = string.Join("; ", verdict.Checks.Where(c => !c.Pass || verdict.Checks.Count == 1).Select(c => $"{c.Check}: expected {c.Expected}; found {c.Found}")),
                Unparsed = verdict.Unparsed,
                JudgeFailed = false,
                JudgeCalls = round.JudgeCalls + 1,
                JudgeInputTokens = round.JudgeInputTokens + verdict.InputTokens,
                JudgeOutputTokens = round.JudgeOutputTokens + verdict.OutputTokens,
            };
        }
        catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return round with { Pass = false, Score = 0, JudgeFailed = true, Reason = $"the judge failed: {failed.Message}" };
        }
    }

    private string Save(EvalConfiguration configuration, EvalItem item, int round, byte[] png)
    {
        var relative = Path.Combine("images", configuration.Folder, $"{item.Index:D4}-{round}.png");
        var full = Path.Combine(runFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, png);
        return relative.Replace('\\', '/');
    }

    private static EvalResult Result(EvalConfiguration configuration, EvalItem item, string outcome, IReadOnlyList<EvalRound> rounds, long started) => new()
    {
        Configuration = configuration.Name,
        Index = item.Index,
        Tag = item.Tag,
        Prompt = item.Prompt,
        Outcome = outcome,
        Rounds = rounds,
        Seconds = (Environment.TickCount64 - started) / 1000.0,
    };

    /// <summary>
    /// What one configuration runs on: its backends for the baseline, and lanes of in-process engines, each running one
    /// session at a time (the in-memory backend polls slowly once its work-item slots fill, so several engines with one
    /// session each go faster than many sessions on one).
    /// </summary>
    private sealed class ConfigurationTools : IAsyncDisposable
    {
        private readonly List<HostedEngine> _hosts = [];

        private ConfigurationTools(ServiceProvider services, SessionOptions defaults)
        {
            Services = services;
            Defaults = defaults;
        }

        public ServiceProvider Services { get; }

        public SessionOptions Defaults { get; }

        public Channel<HostedEngine> Lanes { get; } = Channel.CreateUnbounded<HostedEngine>();

        public static async Task<ConfigurationTools> CreateAsync(EvalConfiguration configuration, GenAgentOptions options, int lanes, CancellationToken cancellationToken)
        {
            var tools = new ConfigurationTools(new ServiceCollection().AddGenAgentCore(options).BuildServiceProvider(), options.SessionDefaults());
            if (configuration.Bare) return tools;
            try
            {
                for (var i = 0; i < Math.Max(1, lanes); i++)
                {
                    var host = await EngineFactory.CreateAsync(options, durableStore: null, CommonOptions.DefaultTaskHub, cancellationToken);
                    tools._hosts.Add(host);
                    tools.Lanes.Writer.TryWrite(host);
                }
            }
            catch
            {
                await tools.DisposeAsync();
                throw;
            }

            return tools;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in _hosts) await host.DisposeAsync();
            await Services.DisposeAsync();
        }
    }
}
