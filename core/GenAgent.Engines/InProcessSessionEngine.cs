using GenAgent.Core.Configuration;
using GenAgent.Workflow.Orchestrations;
using Microsoft.DurableTask.Client;
using GenAgent.Workflow.Engine.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GenAgent.Workflow.Engine;

/// <summary>
/// Runs sessions in this process on the Durable Task in-memory backend: real orchestration semantics (replay, timers,
/// events, retries) without storage. State is lost when the process exits; use <see cref="AzureStorageSessionEngine"/> to resume.
/// </summary>
public sealed class InProcessSessionEngine : DurableClientSessionEngine
{
    private readonly InMemoryTaskHub _host;
    private readonly ILoggerFactory _loggerFactory;

    private InProcessSessionEngine(InMemoryTaskHub host, ILoggerFactory loggerFactory, WorkflowOptions workflow) : base(workflow)
    {
        _host = host;
        _loggerFactory = loggerFactory;
    }

    public override DurableTaskClient Client => _host.Client;

    /// <summary>The worker's services (the agent, tools, store and observers registered by the callback).</summary>
    public IServiceProvider Services => _host.Services;

    protected override TimeSpan PollInterval => TimeSpan.FromMilliseconds(100);

    /// <summary>Starts an engine whose activities resolve their services from what <paramref name="configureServices"/> registers.</summary>
    public static async Task<InProcessSessionEngine> CreateAsync(
        Action<IServiceCollection> configureServices, WorkflowOptions? workflow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var options = workflow ?? new WorkflowOptions();
        QuietSidecarLogging();
        // The in-memory backend logs every gRPC call below Warning.
        var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        var host = await InMemoryTaskHub.StartAsync(
            registry => registry.AddGenAgentTasks(),
            services =>
            {
                services.AddGenAgentWorkflow(options);
                configureServices(services);
            },
            loggerFactory,
            cancellationToken).ConfigureAwait(false);
        return new InProcessSessionEngine(host, loggerFactory, options);
    }

    /// <summary>Starts an engine with the agent, tools and store that <paramref name="core"/> selects.</summary>
    public static Task<InProcessSessionEngine> CreateAsync(GenAgentOptions core, WorkflowOptions? workflow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(core);
        return CreateAsync(services => services.AddGenAgentCore(core), workflow, cancellationToken);
    }

    /// <summary>
    /// Hosts in this process that configure logging from the environment log at Warning and up, on stderr, unless the
    /// user chose otherwise, so a command's stdout stays its own (genagent serve prints one line where it listens). The
    /// task hub's own hosts log through the factory given to them; this guards the rest of the process.
    /// </summary>
    private static void QuietSidecarLogging()
    {
        SetIfUnset("Logging__LogLevel__Default", "Warning");
        SetIfUnset("Logging__Console__LogToStandardErrorThreshold", "Trace");
    }

    private static void SetIfUnset(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null) Environment.SetEnvironmentVariable(name, value);
    }

    public override async Task<SessionSnapshot?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var metadata = await _host.Client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null) return null;
        return Decode(sessionId, Map(metadata.RuntimeStatus), metadata.SerializedCustomStatus, metadata.SerializedOutput, metadata.FailureDetails?.ErrorMessage);
    }

    public override async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        _loggerFactory.Dispose();
    }
}
