using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Core.Tools;
using IImageGenerator = GenAgent.Core.Tools.IImageGenerator;
using GenAgent.Workflow.Engine;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Workflow.Tests.Fakes;

/// <summary>An in-process engine wired to a scripted agent, a counting tool and a store in a temp folder.</summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    /// <summary>Tiny backoff so retry tests stay fast; the values are still real orchestration timers.</summary>
    public static readonly WorkflowOptions FastRetries = new() { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(50), BackoffCoefficient = 2 };

    private readonly TempFolder _folder = new();

    private SessionHarness(ScriptedChatClient agent)
    {
        Agent = agent;
        Store = new LocalImageStore(_folder.Path);
    }

    public ScriptedChatClient Agent { get; }

    public CountingImageTool Tool { get; } = new();

    public LocalImageStore Store { get; }

    public InProcessSessionEngine Engine { get; private set; } = null!;

    public static async Task<SessionHarness> StartAsync(params string[] replies)
    {
        var harness = new SessionHarness(new ScriptedChatClient(replies));
        harness.Engine = await InProcessSessionEngine.CreateAsync(services =>
        {
            services.AddSingleton<IChatClient>(harness.Agent);
            services.AddSingleton<IImageGenerator>(harness.Tool);
            services.AddSingleton<IImageEditor>(harness.Tool);
            services.AddSingleton<IImageStore>(harness.Store);
        }, FastRetries);
        return harness;
    }

    public async Task<SessionSnapshot> RunAsync(SessionOptions? options = null, string prompt = "a red cube on a blue sphere")
    {
        var id = await Engine.StartAsync(new SessionRequest(prompt, options ?? new SessionOptions { Width = 64, Height = 64 }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        _folder.Dispose();
    }
}
