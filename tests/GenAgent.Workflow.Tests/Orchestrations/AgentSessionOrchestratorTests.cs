using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace GenAgent.Workflow.Tests.Orchestrations;

public sealed class AgentSessionOrchestratorTests
{
    private static readonly SessionOptions Small = new() { Width = 64, Height = 64 };

    private static Trajectory Completed(SessionSnapshot snapshot)
    {
        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        return Assert.IsType<Trajectory>(snapshot.Trajectory);
    }

    [Fact]
    public async Task Done_after_one_image_keeps_that_image_and_writes_the_artefacts()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a red cube"), Replies.Done());
        var snapshot = await h.RunAsync();

        var trajectory = Completed(snapshot);
        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal([TurnKind.Generate, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal("a red cube", trajectory.Turns[0].Argument);
        Assert.Equal("matches the prompt", trajectory.Turns[1].Judgment);
        Assert.Equal(SessionKeys.TurnImage(snapshot.SessionId, 0), trajectory.FinalImage!.Key);
        Assert.Equal(1, h.Tool.Generations);
        Assert.Equal(new TokenUsage(200, 40), trajectory.Usage);
        Assert.NotNull(await h.Store.TryGetAsync(SessionKeys.FinalImage(snapshot.SessionId)));
        var stored = await h.Store.TryGetAsync(SessionKeys.Trajectory(snapshot.SessionId));
        var json = System.Text.Json.JsonSerializer.Deserialize(stored!, SessionJson.Default.Trajectory)!;
        Assert.Equal(OutcomeKind.Done, json.Outcome!.Kind);
        Assert.Equal(SessionPhase.Completed, snapshot.Progress!.Phase);
    }

    [Fact]
    public async Task Regenerate_then_done_uses_a_new_seed_and_keeps_the_second_image()
    {
        await using var h = await SessionHarness.StartAsync(
            Replies.Generate("first try"), Replies.Generate("second try", judge: "wrong count"), Replies.Done());
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(2, trajectory.ImagesUsed);
        Assert.Equal("wrong count", trajectory.Turns[1].Judgment);
        Assert.NotEqual(trajectory.Turns[0].Seed, trajectory.Turns[1].Seed);
        Assert.EndsWith("turn-01.png", trajectory.FinalImage!.Key, StringComparison.Ordinal);
        Assert.Equal(2, h.Tool.Generations);
    }

    [Fact]
    public async Task Edit_path_edits_the_latest_image()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Edit("make it orange"), Replies.Done());
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal([TurnKind.Generate, TurnKind.Edit, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal(1, h.Tool.Generations);
        Assert.Equal(1, h.Tool.Edits);
        Assert.Equal("make it orange", trajectory.Turns[1].Argument);
        Assert.Equal(trajectory.Turns[1].Image, trajectory.FinalImage);
    }

    [Fact]
    public async Task Image_budget_reached_keeps_the_last_image()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Generate("two"), Replies.Generate("three"));
        var trajectory = Completed(await h.RunAsync(Small with { MaxImages = 2 }));

        Assert.Equal(OutcomeKind.ImageBudgetReached, trajectory.Outcome!.Kind);
        Assert.Equal(TurnKind.BudgetStop, trajectory.Turns[^1].Kind);
        Assert.Equal(2, h.Tool.Generations);
        Assert.Equal(trajectory.Turns[1].Image, trajectory.FinalImage);
    }

    [Fact]
    public async Task Turn_budget_reached_ends_the_loop()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Generate("two"));
        var trajectory = Completed(await h.RunAsync(Small with { MaxTurns = 2, MaxImages = 5 }));

        Assert.Equal(OutcomeKind.TurnBudgetReached, trajectory.Outcome!.Kind);
        Assert.Equal(2, trajectory.Turns.Count);
        Assert.Equal(trajectory.Turns[1].Image, trajectory.FinalImage);
    }

    [Fact]
    public async Task Protocol_violation_gets_a_correction_and_the_session_recovers()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Garbage, Replies.Generate("a dog"), Replies.Done());
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal([TurnKind.ProtocolError, TurnKind.Generate, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal(Replies.Garbage, trajectory.Turns[0].RawText);
        Assert.NotNull(trajectory.Turns[0].Error);
        // The second call saw the bad reply and a corrective user message after it.
        var second = h.Agent.Seen[1];
        Assert.Equal(ChatRole.Assistant, second[^2].Role);
        Assert.Equal(Replies.Garbage, second[^2].Text);
        Assert.Equal(ChatRole.User, second[^1].Role);
        Assert.Contains("<tool_call>", second[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_violations_beyond_MaxCorrections_fail_the_session()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Garbage, Replies.Garbage, Replies.Garbage);
        var trajectory = Completed(await h.RunAsync(Small with { MaxCorrections = 1 }));

        Assert.Equal(OutcomeKind.Failed, trajectory.Outcome!.Kind);
        Assert.StartsWith("model output broke the protocol: ", trajectory.Outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(2, trajectory.Turns.Count);
        Assert.Equal(2, h.Agent.Seen.Count);
    }

    [Fact]
    public async Task A_tool_that_is_not_enabled_is_corrected_like_a_format_error()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Edit("brighter"), Replies.Done());
        var trajectory = Completed(await h.RunAsync(Small with { Tools = [ToolNames.Generate] }));

        Assert.Equal([TurnKind.Generate, TurnKind.ProtocolError, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal(0, h.Tool.Edits);
        Assert.Contains(ToolNames.Edit, trajectory.Turns[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_before_any_image_is_corrected()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Edit("brighter"), Replies.Generate("a cat"), Replies.Done());
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal([TurnKind.ProtocolError, TurnKind.Generate, TurnKind.Done], trajectory.Turns.Select(t => t.Kind));
        Assert.Equal(0, h.Tool.Edits);
    }

    [Fact]
    public async Task Transient_tool_failure_is_retried_then_succeeds()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        h.Tool.FailNext(new TransientToolException("503 from the generator"));
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(2, h.Tool.Generations);
        Assert.NotNull(trajectory.FinalImage);
    }

    [Fact]
    public async Task Transient_failures_beyond_the_attempt_limit_fail_the_session()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"));
        h.Tool.FailNext(new TransientToolException("503 a"), new TransientToolException("503 b"), new TransientToolException("503 c"));
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal(OutcomeKind.Failed, trajectory.Outcome!.Kind);
        Assert.Equal("503 c", trajectory.Outcome.Reason);
        Assert.Equal(SessionHarness.FastRetries.MaxAttempts, h.Tool.Generations);
    }

    [Fact]
    public async Task Permanent_failure_fails_with_its_reason_and_keeps_the_last_good_image()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Generate("another cat"));
        h.Tool.FailCall(2, new PermanentToolException("bad API key"));
        var trajectory = Completed(await h.RunAsync());

        Assert.Equal(OutcomeKind.Failed, trajectory.Outcome!.Kind);
        Assert.Equal("bad API key", trajectory.Outcome.Reason);
        Assert.Equal(2, h.Tool.Generations);
        Assert.Equal("bad API key", trajectory.Turns[1].Error);
        Assert.Equal(trajectory.Turns[0].Image, trajectory.FinalImage);
    }

    [Fact]
    public async Task Cancel_stops_the_session_after_the_current_step()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        h.Agent.HoldFirstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Small));
        await h.Agent.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var before = (await h.Engine.Client.GetInstanceAsync(id))!.LastUpdatedAt;
        await h.Engine.CancelAsync(id);
        // The orchestration records the event (and updates) while the model call is still held.
        await WaitUntilAsync(async () => (await h.Engine.Client.GetInstanceAsync(id))!.LastUpdatedAt > before);
        h.Agent.HoldFirstCall.SetResult();

        var trajectory = Completed(await h.Engine.WaitForCompletionAsync(id));
        Assert.Equal(OutcomeKind.Cancelled, trajectory.Outcome!.Kind);
        Assert.Equal(0, h.Tool.Generations);
    }

    [Fact]
    public async Task Low_effort_stops_after_one_image_without_reflection()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var trajectory = Completed(await h.RunAsync(Small with { Effort = Effort.Low }));

        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Single(trajectory.Turns);
        Assert.Single(h.Agent.Seen);
        Assert.NotNull(trajectory.FinalImage);
    }

    [Fact]
    public async Task The_model_sees_the_tool_response_with_the_image_as_data()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var snapshot = await h.RunAsync();
        Completed(snapshot);

        var second = h.Agent.Seen[1];
        Assert.Equal(ChatRole.System, second[0].Role);
        Assert.Contains("Prompt: a red cube on a blue sphere", second[1].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, second[2].Role);
        var response = second[3];
        Assert.Equal(ChatRole.User, response.Role);
        Assert.Equal(PromptMessages.ToolResponseOpen, Assert.IsType<TextContent>(response.Contents[0]).Text);
        var image = Assert.IsType<DataContent>(response.Contents[1]);
        Assert.Equal("image/png", image.MediaType);
        var stored = await h.Store.TryGetAsync(SessionKeys.TurnImage(snapshot.SessionId, 0));
        Assert.Equal(stored, image.Data.ToArray());
        Assert.Equal(PromptMessages.ToolResponseClose, Assert.IsType<TextContent>(response.Contents[2]).Text);
    }

    [Fact]
    public async Task Starting_twice_with_one_id_runs_one_session()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var request = new SessionRequest("a cat", Small);
        var first = await h.Engine.StartAsync(request, "same-id");
        var second = await h.Engine.StartAsync(request, "same-id");
        var snapshot = await h.Engine.WaitForCompletionAsync(first);

        Assert.Equal(first, second);
        Assert.Equal(OutcomeKind.Done, Completed(snapshot).Outcome!.Kind);
        Assert.Equal(2, h.Agent.Seen.Count);
    }

    [Fact]
    public async Task Starting_at_the_same_moment_with_one_id_runs_one_session()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var request = new SessionRequest("a cat", Small);
        var ids = await Task.WhenAll(
            h.Engine.StartAsync(request, "race-id"), h.Engine.StartAsync(request, "race-id"), h.Engine.StartAsync(request, "race-id"))
            .WaitAsync(TimeSpan.FromMinutes(1));
        var snapshot = await h.Engine.WaitForCompletionAsync("race-id").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(ids, id => Assert.Equal("race-id", id));
        Assert.Equal(OutcomeKind.Done, Completed(snapshot).Outcome!.Kind);
        Assert.Equal(2, h.Agent.Seen.Count);
    }

    [Fact]
    public async Task Progress_is_reported_while_the_session_runs()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Small));
        var seen = new List<SessionProgress>();
        var snapshot = await h.Engine.WaitForCompletionAsync(id, new SynchronousProgress<SessionProgress>(seen.Add));

        Assert.Equal(SessionPhase.Completed, seen[^1].Phase);
        Assert.Equal(1, seen[^1].ImagesUsed);
        Assert.Equal("a cat", seen[^1].LastCaption);
        Assert.Equal(snapshot.Trajectory!.FinalImage, seen[^1].LastImage);
    }

    [Fact]
    public async Task Invalid_options_are_rejected_before_anything_starts()
    {
        await using var h = await SessionHarness.StartAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => h.Engine.StartAsync(new SessionRequest("a cat", Small with { MaxImages = 0 })));
        Assert.Contains("maxImages", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition()) await Task.Delay(50, timeout.Token);
    }
}
