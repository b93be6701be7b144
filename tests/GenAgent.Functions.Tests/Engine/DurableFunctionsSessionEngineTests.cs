using GenAgent.Core.Sessions;
using GenAgent.Functions.Tests.Fakes;
using GenAgent.Workflow;
using GenAgent.Workflow.Engine;

namespace GenAgent.Functions.Tests.Engine;

/// <summary>
/// The engine the HTTP triggers use, over a real <c>DurableTaskClient</c> (the in-memory backend's; in Azure the
/// <c>[DurableClient]</c> binding's) and the orchestration registered through its Functions wrapper.
/// </summary>
public sealed class DurableFunctionsSessionEngineTests
{
    private static readonly SessionOptions Small = new() { Width = 128, Height = 128 };

    [Fact]
    public async Task A_session_runs_to_its_trajectory_and_a_repeated_start_with_the_same_id_starts_nothing()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        var request = new SessionRequest("a photo of two red apples on the left and a blue cup on the right", Small);

        var id = await host.Engine.StartAsync(request, "fn-session-1");
        var again = await host.Engine.StartAsync(request, "fn-session-1");
        var seen = new List<SessionProgress>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = await host.Engine.WaitForCompletionAsync(id, new Progress<SessionProgress>(seen.Add), timeout.Token);

        Assert.Equal("fn-session-1", again);
        Assert.Equal(SessionRuntimeStatus.Completed, ended.Status);
        var trajectory = Assert.IsType<Trajectory>(ended.Trajectory);
        Assert.Equal(id, trajectory.SessionId);
        Assert.Equal(request.Prompt, trajectory.Prompt);
        Assert.NotNull(trajectory.FinalImage);
        Assert.NotEmpty(trajectory.Turns);
        Assert.NotNull(await host.Store.TryGetAsync(SessionKeys.FinalImage(id)));
        Assert.NotNull(ended.Progress);
        Assert.Null(await host.Engine.GetAsync("no-such-session"));
    }

    [Fact]
    public async Task A_follow_up_continues_the_session_and_a_cancel_ends_it()
    {
        await using var host = await FunctionsEngineHost.StartAsync();
        var id = await host.Engine.StartAsync(new SessionRequest("a photo of a green bench", Small with { FollowUpWindowSeconds = 120 }));

        await host.WaitForAsync(id, p => p is { Phase: SessionPhase.AwaitingFollowUp, Episode: 1 });
        await host.Engine.SendFollowUpAsync(id, "make the bench yellow");
        var waiting = await host.WaitForAsync(id, p => p is { Phase: SessionPhase.AwaitingFollowUp, Episode: 2 });
        await host.Engine.CancelAsync(id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ended = await host.Engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);

        Assert.Equal(SessionRuntimeStatus.Running, waiting.Status);
        Assert.Equal(SessionRuntimeStatus.Completed, ended.Status);
        var trajectory = Assert.IsType<Trajectory>(ended.Trajectory);
        Assert.Equal(OutcomeKind.Cancelled, trajectory.Outcome!.Kind);
        Assert.Equal("make the bench yellow", Assert.Single(trajectory.FollowUps).Text);
        Assert.Contains(trajectory.Turns, t => t.Episode == 2);
    }
}
