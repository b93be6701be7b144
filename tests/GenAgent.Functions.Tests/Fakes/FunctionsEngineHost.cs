using System.Net;
using System.Net.Sockets;
using GenAgent.Core.Images;
using GenAgent.Core.Sessions;
using GenAgent.Functions.Engine;
using GenAgent.Functions.Functions;
using GenAgent.Functions.Hosting;
using GenAgent.Functions.Triggers;
using GenAgent.Triggers.Blobs;
using GenAgent.Workflow;
using GenAgent.Workflow.Activities;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Functions.Tests.Fakes;

/// <summary>
/// The Functions host cannot run here, so this stands in for it: the in-memory Durable Task backend with the
/// orchestration registered through <see cref="SessionOrchestratorFunction"/>, the app's own service registrations,
/// and a <see cref="DurableFunctionsSessionEngine"/> over the backend's client, as an HTTP trigger would build it.
/// </summary>
internal sealed class FunctionsEngineHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ILoggerFactory _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
    private DurableTaskTestHost _host = null!;

    public DurableFunctionsSessionEngine Engine { get; private set; } = null!;

    public IImageStore Store => _host.Services.GetRequiredService<IImageStore>();

    /// <summary>The app's services, as the worker would resolve a function class from them.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The client a <c>[DurableClient]</c> binding would hand a function.</summary>
    public DurableTaskClient Client => _host.Client;

    public static async Task<FunctionsEngineHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var result = new FunctionsEngineHost();
        var configuration = OfflineConfiguration.For(result._folder.Path, settings);
        result._host = await DurableTaskTestHost.StartAsync(
            registry => registry
                .AddOrchestrator(WorkflowNames.AgentSession, () => SessionOrchestrator)
                .AddOrchestrator(RequestFileCollector.Orchestration, () => CollectorOrchestrator)
                .AddActivityFunc<BlobRequestsResult, bool>(
                    RequestFileCollector.EndedActivity, (_, input) => result.FileActivities().EndedAsync(input, result.Client))
                .AddActivityFunc<BlobRequestsResult, BlobRequestsSummary>(
                    RequestFileCollector.CollectActivity, (_, input) => result.FileActivities().CollectAsync(input, result.Client))
                .AddActivity<ProtocolSetupActivity>()
                .AddActivity<AgentTurnActivity>()
                .AddActivity<GenerateImageActivity>()
                .AddActivity<EditImageActivity>()
                .AddActivity<PublishProgressActivity>()
                .AddActivity<FinalizeSessionActivity>()
                .AddActivity<CompareImagesActivity>(),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                LoggerFactory = result._loggerFactory,
                ConfigureServices = services => services.AddGenAgentFunctions(configuration),
            });
        result.Engine = new DurableFunctionsSessionEngine(result._host.Client, result._host.Services.GetRequiredService<WorkflowOptions>());
        return result;
    }

    private static readonly FunctionTriggerOrchestrator SessionOrchestrator =
        FunctionTriggerOrchestrator.For(typeof(SessionOrchestratorFunction), nameof(SessionOrchestratorFunction.RunAsync), typeof(SessionInput));

    private static readonly FunctionTriggerOrchestrator CollectorOrchestrator =
        FunctionTriggerOrchestrator.For(typeof(RequestFileCollector), nameof(RequestFileCollector.RunAsync), typeof(BlobRequestsResult));

    private RequestFileActivities FileActivities() => new(new TriggerHandlers(Services));

    /// <summary>Polls until the session's live progress satisfies <paramref name="condition"/>.</summary>
    public async Task<SessionSnapshot> WaitForAsync(string id, Func<SessionProgress, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var snapshot = await Engine.GetAsync(id, timeout.Token) ?? throw new InvalidOperationException($"No session {id}.");
            if (snapshot.Progress is { } progress && condition(progress)) return snapshot;
            if (snapshot.IsTerminal) throw new InvalidOperationException($"Session {id} ended ({snapshot.Status}) before the condition held.");
            await Task.Delay(100, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await _host.DisposeAsync();
        _loggerFactory.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
