using GenAgent.Core.Protocol;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Orchestrations;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.AI;

namespace GenAgent.Workflow.Tests.Orchestrations;

public sealed class ConversationTests
{
    private static readonly SessionOptions Open = new() { Width = 64, Height = 64, FollowUpWindowSeconds = 120 };

    private static readonly string LongThought = string.Concat(Enumerable.Repeat("weighing the layout once more; ", 60));

    [Fact]
    public async Task A_follow_up_continues_the_same_session_with_the_earlier_turns_compacted()
    {
        await using var h = await SessionHarness.StartAsync(
            LongThinkGenerate("a red cube"), Replies.Done(), Replies.Edit("make it snowy", judge: "no snow yet"), Replies.Done("snowy now"));
        var id = await h.Engine.StartAsync(new SessionRequest("a red cube", Open));

        var waiting = await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 1);
        Assert.Equal(SessionRuntimeStatus.Running, waiting.Status);
        Assert.Null(waiting.Trajectory);
        var firstEpisode = await StoredTrajectoryAsync(h, id);
        Assert.Equal(OutcomeKind.Done, firstEpisode.Outcome!.Kind);
        Assert.Equal(SessionKeys.TurnImage(id, 0), firstEpisode.FinalImage!.Key);
        Assert.NotNull(await h.Store.TryGetAsync(SessionKeys.FinalImage(id)));

        await h.Engine.SendFollowUpAsync(id, "make it snowy");
        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 2);

        var seen = h.Agent.Seen[2];
        Assert.Equal(ChatRole.System, seen[0].Role);
        Assert.Contains("Prompt: a red cube", seen[1].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, seen[2].Role);
        Assert.Contains(ConversationCompaction.Ellipsis + "</think>", seen[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(LongThought.Trim(), seen[2].Text, StringComparison.Ordinal);
        var earlierImage = Assert.IsType<DataContent>(seen[3].Contents[1]);
        Assert.Equal(await h.Store.TryGetAsync(SessionKeys.TurnImage(id, 0)), earlierImage.Data.ToArray());
        Assert.Contains("<answer>done</answer>", seen[4].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.User, seen[^1].Role);
        Assert.Contains("Follow-up: make it snowy", seen[^1].Text, StringComparison.Ordinal);
        Assert.Equal(6, seen.Count);

        var secondEpisode = await StoredTrajectoryAsync(h, id);
        Assert.Equal(OutcomeKind.Done, secondEpisode.Outcome!.Kind);
        Assert.Equal(SessionKeys.TurnImage(id, 2), secondEpisode.FinalImage!.Key);
        Assert.Equal([0, 1, 2, 3], secondEpisode.Turns.Select(t => t.Index));
        Assert.Equal([1, 1, 2, 2], secondEpisode.Turns.Select(t => t.Episode));
        Assert.Equal([TurnKind.Generate, TurnKind.Done, TurnKind.Edit, TurnKind.Done], secondEpisode.Turns.Select(t => t.Kind));
        var followUp = Assert.Single(secondEpisode.FollowUps);
        Assert.Equal((2, 2, "make it snowy"), (followUp.Episode, followUp.FirstTurn, followUp.Text));
        Assert.Equal(1, h.Tool.Edits);
        Assert.Equal(await h.Store.TryGetAsync(SessionKeys.TurnImage(id, 2)), await h.Store.TryGetAsync(SessionKeys.FinalImage(id)));

        // The second episode runs as a new execution whose input carries the conversation: history stays one episode long.
        var input = await CurrentInputAsync(h, id);
        Assert.Equal(2, input.Conversation!.Episode);
        Assert.Equal(2, input.Conversation.NextTurn);
        Assert.Equal(2, input.Conversation.Turns.Count);

        await h.Engine.CancelAsync(id);
        var ended = await WaitForEndAsync(h, id);
        Assert.Equal(OutcomeKind.Cancelled, ended.Trajectory!.Outcome!.Kind);
        Assert.Equal(secondEpisode.FinalImage, ended.Trajectory.FinalImage);
    }

    [Fact]
    public async Task Turn_numbers_continue_across_episodes_so_a_later_image_never_reuses_an_earlier_one()
    {
        await using var h = await SessionHarness.StartAsync(
            Replies.Generate("a cat"), Replies.Done(), Replies.Generate("a dog instead", judge: "a cat"), Replies.Done());
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Open));
        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 1);
        await h.Engine.SendFollowUpAsync(id, "draw a dog instead");
        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 2);

        var trajectory = await StoredTrajectoryAsync(h, id);
        var images = trajectory.Turns.Where(t => t.Image is not null).ToList();
        Assert.Equal([SessionKeys.TurnImage(id, 0), SessionKeys.TurnImage(id, 2)], images.Select(t => t.Image!.Key));
        Assert.Equal(2, h.Tool.Generations);
        Assert.NotEqual(images[0].Seed, images[1].Seed);
        Assert.Equal(4, h.Agent.Seen.Count);
        Assert.Equal(2, trajectory.ImagesUsed);
        await h.Engine.CancelAsync(id);
        await WaitForEndAsync(h, id);
    }

    [Fact]
    public async Task Budgets_apply_per_episode()
    {
        await using var h = await SessionHarness.StartAsync(
            Replies.Generate("one"), Replies.Generate("two"), Replies.Generate("three after the follow-up"), Replies.Done());
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Open with { MaxImages = 1 }));
        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 1);
        Assert.Equal(OutcomeKind.ImageBudgetReached, (await StoredTrajectoryAsync(h, id)).Outcome!.Kind);

        await h.Engine.SendFollowUpAsync(id, "try again");
        var waiting = await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 2);
        var trajectory = await StoredTrajectoryAsync(h, id);
        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(2, h.Tool.Generations);
        Assert.Equal(2, waiting.Progress!.ImagesUsed);
        Assert.Equal(SessionKeys.TurnImage(id, 2), trajectory.FinalImage!.Key);
        await h.Engine.CancelAsync(id);
        await WaitForEndAsync(h, id);
    }

    [Fact]
    public async Task The_window_closing_ends_the_session_with_the_episode_outcome()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Open with { FollowUpWindowSeconds = 2 }));
        var phases = new List<SessionPhase>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var snapshot = await h.Engine.WaitForCompletionAsync(id, new SynchronousProgress<SessionProgress>(p => phases.Add(p.Phase)), timeout.Token);

        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        Assert.Contains(SessionPhase.AwaitingFollowUp, phases);
        Assert.Equal(SessionPhase.Completed, snapshot.Progress!.Phase);
        Assert.Equal(OutcomeKind.Done, snapshot.Trajectory!.Outcome!.Kind);
        Assert.Empty(snapshot.Trajectory.FollowUps);
        Assert.Equal(SessionKeys.TurnImage(id, 0), snapshot.Trajectory.FinalImage!.Key);
    }

    [Fact]
    public async Task Cancel_while_waiting_ends_the_session_cancelled_and_keeps_the_last_image()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Open));
        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 1);
        await h.Engine.CancelAsync(id);

        var snapshot = await WaitForEndAsync(h, id);
        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        Assert.Equal(OutcomeKind.Cancelled, snapshot.Trajectory!.Outcome!.Kind);
        Assert.Equal(SessionKeys.TurnImage(id, 0), snapshot.Trajectory.FinalImage!.Key);
        Assert.Equal(OutcomeKind.Cancelled, (await StoredTrajectoryAsync(h, id)).Outcome!.Kind);
        Assert.Equal(2, h.Agent.Seen.Count);
    }

    [Fact]
    public async Task A_follow_up_sent_during_an_episode_is_answered_after_it()
    {
        await using var h = await SessionHarness.StartAsync(
            Replies.Generate("a cat"), Replies.Done(), Replies.Edit("add a hat"), Replies.Done());
        h.Agent.HoldFirstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = await h.Engine.StartAsync(new SessionRequest("a cat", Open));
        await h.Agent.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var before = (await h.Engine.Client.GetInstanceAsync(id))!.LastUpdatedAt;
        await h.Engine.SendFollowUpAsync(id, "add a hat");
        await WaitUntilAsync(async () => (await h.Engine.Client.GetInstanceAsync(id))!.LastUpdatedAt > before);
        h.Agent.HoldFirstCall.SetResult();

        await WaitForAsync(h, id, SessionPhase.AwaitingFollowUp, episode: 2);
        var trajectory = await StoredTrajectoryAsync(h, id);
        Assert.Equal("add a hat", Assert.Single(trajectory.FollowUps).Text);
        Assert.Equal(1, h.Tool.Edits);
        await h.Engine.CancelAsync(id);
        await WaitForEndAsync(h, id);
    }

    [Fact]
    public async Task Without_a_window_the_session_ends_after_its_episode()
    {
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a cat"), Replies.Done());
        var snapshot = await h.RunAsync();

        Assert.Equal(0, new SessionOptions().FollowUpWindowSeconds);
        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        Assert.Equal(OutcomeKind.Done, snapshot.Trajectory!.Outcome!.Kind);
        Assert.All(snapshot.Trajectory.Turns, t => Assert.Equal(1, t.Episode));
        Assert.Null((await CurrentInputAsync(h, snapshot.SessionId)).Conversation);
    }

    private static string LongThinkGenerate(string caption) =>
        $"<think>{LongThought}</think><tool_call>{{\"name\": \"image_generation_tool\", \"arguments\": {{\"caption\": \"{caption}\"}}}}</tool_call>";

    private static async Task<Trajectory> StoredTrajectoryAsync(SessionHarness h, string id)
    {
        var json = await h.Store.TryGetAsync(SessionKeys.Trajectory(id));
        return System.Text.Json.JsonSerializer.Deserialize(Assert.IsType<byte[]>(json), SessionJson.Default.Trajectory)!;
    }

    private static async Task<SessionInput> CurrentInputAsync(SessionHarness h, string id)
    {
        var metadata = await h.Engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        return JsonDataConverter.Default.Deserialize<SessionInput>(metadata!.SerializedInput)!;
    }

    private static async Task<SessionSnapshot> WaitForAsync(SessionHarness h, string id, SessionPhase phase, int episode)
    {
        SessionSnapshot? snapshot = null;
        await WaitUntilAsync(async () =>
        {
            snapshot = await h.Engine.GetAsync(id);
            Assert.False(snapshot!.IsTerminal, $"the session ended early: {snapshot.Status} {snapshot.Trajectory?.Outcome}");
            return snapshot.Progress is { } p && p.Phase == phase && p.Episode == episode;
        });
        return snapshot!;
    }

    private static async Task<SessionSnapshot> WaitForEndAsync(SessionHarness h, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await h.Engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition()) await Task.Delay(50, timeout.Token);
    }
}
