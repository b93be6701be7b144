using GenAgent.Core.Backends.GenAgentServer;
using GenAgent.Core.Configuration;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using IImageGenerator = GenAgent.Core.Tools.IImageGenerator;

namespace GenAgent.Workflow.Tests.Engine;

/// <summary>The persistent engine on Azurite: same orchestration, checkpointed in Azure Storage.</summary>
public sealed class AzureStorageSessionEngineTests
{
    private static readonly SessionOptions Small = new() { Width = 64, Height = 64 };
    private static readonly WorkflowOptions QuickRetry = new() { MaxAttempts = 4, FirstRetryDelay = TimeSpan.FromSeconds(1) };

    private static ServiceProvider Services(IChatClient agent, IImageGenerator generator, IImageEditor editor, IImageStore store) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(agent)
            .AddSingleton(generator)
            .AddSingleton(editor)
            .AddSingleton(store)
            .BuildServiceProvider();

    [Fact]
    public async Task Runs_a_session_to_completion_and_writes_the_artefacts()
    {
        await Azurite.RequireAsync();
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        var tool = new CountingImageTool();
        await using var services = Services(new ScriptedChatClient(Replies.Generate("a kite"), Replies.Done()), tool, tool, store);
        await using var engine = await AzureStorageSessionEngine.CreateAsync(
            new AzureStorageEngineOptions(Azurite.ConnectionString, Azurite.UniqueTaskHub("gaok")), services, QuickRetry);

        var id = await engine.StartAsync(new SessionRequest("a kite", Small));
        Assert.Equal(id, await engine.StartAsync(new SessionRequest("a kite", Small), id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var snapshot = await engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);

        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        Assert.Equal(OutcomeKind.Done, snapshot.Trajectory!.Outcome!.Kind);
        Assert.Equal(1, tool.Generations);
        Assert.NotNull(await store.TryGetAsync(SessionKeys.FinalImage(id)));
        Assert.Equal(SessionPhase.Completed, snapshot.Progress!.Phase);
    }

    [Fact]
    public async Task A_session_whose_worker_dies_mid_generation_resumes_on_a_new_worker_without_paying_twice()
    {
        await Azurite.RequireAsync();
        using var folder = new TempFolder();
        var store = new LocalImageStore(folder.Path);
        var agent = new ScriptedChatClient(Replies.Generate("a lighthouse at dusk"), Replies.Done());
        var editor = new CountingImageTool();
        await using var server = await BlockingImageServer.StartAsync();
        using var http = new HttpClient();
        var generator = new GenAgentServerGenerator(http, new ToolOptions { Backend = BackendNames.GenAgentServer, BaseUrl = server.BaseUrl.ToString() });
        var storage = new AzureStorageEngineOptions(Azurite.ConnectionString, Azurite.UniqueTaskHub("garesume"))
        {
            WorkItemVisibilityTimeout = TimeSpan.FromSeconds(5),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        await using var services1 = Services(agent, generator, editor, store);
        var engine1 = await AzureStorageSessionEngine.CreateAsync(storage, services1, QuickRetry);
        string id;
        try
        {
            id = await engine1.StartAsync(new SessionRequest("a lighthouse", Small));
            await server.FirstRequestArrived.Task.WaitAsync(timeout.Token);
            await engine1.StopAsync(isForced: true);
        }
        finally
        {
            await engine1.DisposeAsync();
        }

        await using var services2 = Services(agent, generator, editor, store);
        await using var engine2 = await AzureStorageSessionEngine.CreateAsync(storage, services2, QuickRetry);
        // The dead worker's call never completes normally: its connection drops.
        server.ReleaseFirstRequest();
        var snapshot = await engine2.WaitForCompletionAsync(id, cancellationToken: timeout.Token);

        Assert.Equal(SessionRuntimeStatus.Completed, snapshot.Status);
        var trajectory = snapshot.Trajectory!;
        Assert.Equal(OutcomeKind.Done, trajectory.Outcome!.Kind);
        Assert.Equal(1, server.Served["a lighthouse at dusk"]);
        Assert.Single(server.Served);
        Assert.Equal(2, agent.Seen.Count);
        Assert.NotNull(await store.TryGetAsync(SessionKeys.FinalImage(id)));
    }
}
