using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using IImageGenerator = GenAgent.Core.Tools.IImageGenerator;

namespace GenAgent.Workflow.Tests.Orchestrations;

/// <summary>The conversation on the persistent engine: ContinueAsNew and the carried-over events on DTFx's Azure Storage backend (Azurite).</summary>
public sealed class ConversationOnAzureStorageTests
{
    [Fact]
    public async Task A_follow_up_continues_the_session_as_a_new_execution_and_cancel_ends_it()
    {
        await Azurite.RequireAsync();
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        var tool = new CountingImageTool();
        var agent = new ScriptedChatClient(Replies.Generate("a kite"), Replies.Done(), Replies.Edit("make it red"), Replies.Done());
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IChatClient>(agent)
            .AddSingleton<IImageGenerator>(tool)
            .AddSingleton<IImageEditor>(tool)
            .AddSingleton<IImageStore>(store)
            .BuildServiceProvider();
        await using var engine = await AzureStorageSessionEngine.CreateAsync(
            new AzureStorageEngineOptions(Azurite.ConnectionString, Azurite.UniqueTaskHub("gaconv")), services, SessionHarness.FastRetries);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        var id = await engine.StartAsync(new SessionRequest("a kite", new SessionOptions { Width = 64, Height = 64, FollowUpWindowSeconds = 300 }));
        await WaitForAsync(engine, id, episode: 1, timeout.Token);
        await engine.SendFollowUpAsync(id, "make it red", timeout.Token);
        var waiting = await WaitForAsync(engine, id, episode: 2, timeout.Token);
        Assert.Equal(SessionRuntimeStatus.Running, waiting.Status);
        await engine.CancelAsync(id, timeout.Token);
        var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);

        var trajectory = snapshot.Trajectory!;
        Assert.Equal(OutcomeKind.Cancelled, trajectory.Outcome!.Kind);
        Assert.Equal([1, 1, 2, 2], trajectory.Turns.Select(t => t.Episode));
        Assert.Equal([0, 1, 2, 3], trajectory.Turns.Select(t => t.Index));
        Assert.Equal("make it red", Assert.Single(trajectory.FollowUps).Text);
        Assert.Equal(SessionKeys.TurnImage(id, 2), trajectory.FinalImage!.Key);
        Assert.Equal((1, 1), (tool.Generations, tool.Edits));
        Assert.Equal(4, agent.Seen.Count);
    }

    private static async Task<SessionSnapshot> WaitForAsync(AzureStorageSessionEngine engine, string id, int episode, CancellationToken cancellationToken)
    {
        while (true)
        {
            var snapshot = await engine.GetAsync(id, cancellationToken);
            Assert.False(snapshot!.IsTerminal, $"the session ended early: {snapshot.Status}");
            if (snapshot.Progress is { Phase: SessionPhase.AwaitingFollowUp } p && p.Episode == episode) return snapshot;
            await Task.Delay(100, cancellationToken);
        }
    }
}
