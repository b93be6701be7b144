using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Sketch;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using IImageGenerator = GenAgent.Core.Tools.IImageGenerator;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>
/// Effort high on the in-process engine. Its backend runs two work items at a time, so these sessions take seconds:
/// they stay at two or three small candidates.
/// </summary>
public sealed class HighEffortTests
{
    private static readonly SessionOptions High = new() { Effort = Effort.High, Candidates = 2, Width = 128, Height = 128 };

    [Fact]
    public async Task The_pairwise_judge_picks_the_candidate_that_passes_the_checklist()
    {
        const string prompt = "a photo of a red clock";
        var options = High with { MaxImages = 2, Tools = [ToolNames.Generate], Seed = new SeedPolicy(SeedMode.PerTurn, 11) };
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        await using var engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            // Candidate 0 (image A in the final) can only draw a blue bus, so only candidate 1 can satisfy the prompt.
            services.AddSingleton<IChatClient>(new SketchAgent());
            services.AddSingleton<IImageGenerator>(new RiggedSketchGenerator(options.Seed, badCandidate: 0, "Exactly 1 blue bus."));
            services.AddSingleton<IImageEditor>(new SketchEditor());
            services.AddSingleton<IImageStore>(store);
        }, SessionHarness.FastRetries);

        var trajectory = await RunAsync(engine, new SessionRequest(prompt, options));

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        var candidates = trajectory.Candidates!;
        Assert.Equal([$"{trajectory.SessionId}~c0", $"{trajectory.SessionId}~c1"], candidates.Select(c => c.SessionId));
        Assert.Equal(OutcomeKind.ImageBudgetReached, candidates[0].Outcome.Kind);
        Assert.Equal(2, candidates[0].ImagesUsed);
        Assert.Equal(OutcomeKind.Done, candidates[1].Outcome.Kind);
        Assert.StartsWith(SessionKeys.Folder(candidates[1].SessionId) + "/", candidates[1].FinalImage!.Key, StringComparison.Ordinal);
        Assert.NotEqual(candidates[0].SeedBase, candidates[1].SeedBase);

        var comparison = Assert.Single(trajectory.Comparisons!);
        Assert.Equal((0, 1, 1), (comparison.CandidateA, comparison.CandidateB, comparison.Winner));
        Assert.Equal((candidates[0].FinalImage, candidates[1].FinalImage), (comparison.ImageA, comparison.ImageB));
        Assert.False(comparison.Fallback);
        Assert.Contains("<answer>B</answer>", comparison.RawText, StringComparison.Ordinal);
        Assert.Contains("blue bus", comparison.Reasoning, StringComparison.Ordinal);

        Assert.Equal(candidates[1].FinalImage, trajectory.FinalImage);
        Assert.Equal(TurnKind.Done, trajectory.Turns[^1].Kind);
        Assert.Equal(candidates[0].ImagesUsed + candidates[1].ImagesUsed, trajectory.ImagesUsed);
        var final = await store.TryGetAsync(SessionKeys.FinalImage(trajectory.SessionId));
        Assert.True(SketchJudge.Judge(final!, Checklist.FromPrompt(prompt)).Passed);
        Assert.NotNull(await store.TryGetAsync(SessionKeys.Trajectory(candidates[0].SessionId)));
    }

    [Fact]
    public async Task An_offline_session_runs_three_candidates_and_a_two_round_tournament()
    {
        using var folder = new TempFolder();
        var core = new GenAgentOptions { Store = new StoreOptions { Path = folder.Path } };
        await using var engine = await InProcessSessionEngine.CreateAsync(core, SessionHarness.FastRetries);

        var trajectory = await RunAsync(engine, new SessionRequest("a photo of two blue dogs and a red car on the left", High with { Candidates = 3 }));

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal([0, 1, 2], trajectory.Candidates!.Select(c => c.Index));
        Assert.All(trajectory.Candidates!, c => Assert.NotNull(c.FinalImage));
        Assert.Equal(3, trajectory.Candidates!.Select(c => c.FinalImage!.Key).Distinct().Count());
        Assert.Equal([1, 2], trajectory.Comparisons!.Select(c => c.Round));
        Assert.Equal((0, 1), (trajectory.Comparisons![0].CandidateA, trajectory.Comparisons[0].CandidateB));
        Assert.Equal((trajectory.Comparisons[0].Winner, 2), (trajectory.Comparisons[1].CandidateA, trajectory.Comparisons[1].CandidateB));
        var winner = trajectory.Comparisons[1].Winner;
        Assert.Equal(trajectory.Candidates![winner].FinalImage, trajectory.FinalImage);
        Assert.All(trajectory.Comparisons, c => Assert.False(c.Fallback));
        var stored = await new LocalImageStore(folder.Path).TryGetAsync(SessionKeys.Trajectory(trajectory.SessionId));
        var json = System.Text.Json.JsonSerializer.Deserialize(stored!, SessionJson.Default.Trajectory)!;
        Assert.Equal(2, json.Comparisons!.Count);
        Assert.Equal(Effort.High, json.Options.Effort);
    }

    [Fact]
    public async Task An_unreadable_verdict_gets_one_correction_then_the_fixed_rule_decides()
    {
        var agent = new CandidateChatClient("I cannot decide.", "Both have merits.");
        var (trajectory, _) = await RunScriptedAsync(agent);

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        var comparison = Assert.Single(trajectory.Comparisons!);
        Assert.True(comparison.Fallback);
        Assert.Equal(0, comparison.Winner);
        Assert.Equal("Both have merits.", comparison.RawText);
        Assert.Equal(trajectory.Candidates![0].FinalImage, trajectory.FinalImage);
        Assert.Equal(2, agent.Comparisons.Count);
        var retry = agent.Comparisons[1];
        Assert.Equal("I cannot decide.", retry[^2].Text);
        Assert.Contains("<answer>B</answer>", retry[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, retry[1].Contents.OfType<DataContent>().Count());
    }

    [Fact]
    public async Task A_verdict_given_after_the_correction_counts()
    {
        var agent = new CandidateChatClient("Hmm.", "<think>B is sharper</think><answer>B</answer>");
        var (trajectory, _) = await RunScriptedAsync(agent);

        var comparison = Assert.Single(trajectory.Comparisons!);
        Assert.False(comparison.Fallback);
        Assert.Equal(1, comparison.Winner);
        Assert.Equal("B is sharper", comparison.Reasoning);
        Assert.Equal(trajectory.Candidates![1].FinalImage, trajectory.FinalImage);
        Assert.Equal(new TokenUsage(20, 10), comparison.Usage);
        // Two candidates of two model turns each, plus the two comparison calls: the session's spend, not only the winner's.
        Assert.Equal(new TokenUsage(60, 30), trajectory.Usage);
        Assert.Equal(2, trajectory.ImagesUsed);
        Assert.Equal(0.02m, trajectory.ToolCost);
    }

    [Fact]
    public async Task The_session_fails_only_when_every_candidate_failed()
    {
        var agent = new CandidateChatClient();
        var (trajectory, tool) = await RunScriptedAsync(agent, tool => tool.FailNext(
            new PermanentToolException("generator down"), new PermanentToolException("generator down")));

        Assert.Equal(OutcomeKind.Failed, trajectory.Outcome!.Kind);
        Assert.Contains("all 2 candidates failed", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("generator down", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.All(trajectory.Candidates!, c => Assert.Equal(OutcomeKind.Failed, c.Outcome.Kind));
        Assert.Empty(trajectory.Comparisons!);
        Assert.Null(trajectory.FinalImage);
        Assert.Empty(agent.Comparisons);
        Assert.Equal(2, tool.Generations);
    }

    [Fact]
    public async Task Cancelling_the_session_cancels_every_candidate_and_skips_the_tournament()
    {
        using var folder = new TempFolder();
        var agent = new CandidateChatClient { HoldEpisodes = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        var tool = new CountingImageTool();
        await using var engine = await ScriptedEngineAsync(agent, tool, folder);
        var id = await engine.StartAsync(new SessionRequest("a cube", High with { Width = 64, Height = 64 }));
        await agent.EpisodeCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await engine.CancelAsync(id);
        // The parent must pass the event on before the held model turns return; there is no signal to wait on for that.
        await Task.Delay(TimeSpan.FromSeconds(1));
        agent.HoldEpisodes.SetResult();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var trajectory = (await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)).Trajectory!;

        Assert.Equal(OutcomeKind.Cancelled, trajectory.Outcome!.Kind);
        Assert.Equal(2, trajectory.Candidates!.Count);
        Assert.All(trajectory.Candidates, c => Assert.Equal(OutcomeKind.Cancelled, c.Outcome.Kind));
        Assert.Empty(trajectory.Comparisons!);
        Assert.Empty(agent.Comparisons);
        Assert.Equal(0, tool.Generations);
    }

    private static Task<InProcessSessionEngine> ScriptedEngineAsync(CandidateChatClient agent, CountingImageTool tool, TempFolder folder) =>
        InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddSingleton<IChatClient>(agent);
            services.AddSingleton<IImageGenerator>(tool);
            services.AddSingleton<IImageEditor>(tool);
            services.AddSingleton<IImageStore>(new LocalImageStore(folder.Path));
        }, SessionHarness.FastRetries);

    private static async Task<(Trajectory Trajectory, CountingImageTool Tool)> RunScriptedAsync(CandidateChatClient agent, Action<CountingImageTool>? arrange = null)
    {
        using var folder = new TempFolder();
        var tool = new CountingImageTool();
        arrange?.Invoke(tool);
        await using var engine = await ScriptedEngineAsync(agent, tool, folder);
        return (await RunAsync(engine, new SessionRequest("a cube", High with { Width = 64, Height = 64 })), tool);
    }

    private static async Task<Trajectory> RunAsync(InProcessSessionEngine engine, SessionRequest request)
    {
        var id = await engine.StartAsync(request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);
        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        return Assert.IsType<Trajectory>(snapshot.Trajectory);
    }
}
