using System.Diagnostics;
using GenAgent.Core.Configuration;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Engine;
using GenAgent.Workflow.Tests.Fakes;
using Xunit.Abstractions;

namespace GenAgent.Workflow.Tests.Engine;

/// <summary>
/// The embedded engine with more sessions than cores: the offline agent and generator, 100 at once. The stock
/// in-memory backend ran only as many work items as cores and then slept 0.5 s before looking again, so every step
/// of every session waited; the bound below is generous (a slow CI machine), the figure is printed.
/// </summary>
public sealed class InProcessConcurrencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_hundred_concurrent_offline_sessions_all_complete_without_the_dispatcher_stall()
    {
        var core = new GenAgentOptions
        {
            Agent = new AgentOptions { Backend = BackendNames.Sketch },
            Generator = new ToolOptions { Backend = BackendNames.Sketch },
            Editor = new ToolOptions { Backend = BackendNames.Sketch },
            Store = new StoreOptions { Path = _folder.Path },
        };
        await using var engine = await InProcessSessionEngine.CreateAsync(core, SessionHarness.FastRetries);
        var clock = Stopwatch.StartNew();

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            engine.StartAsync(new SessionRequest($"{i % 9 + 1} red cubes on a blue table", new SessionOptions { Width = 64, Height = 64, MaxImages = 2 }))));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ended = await Task.WhenAll(ids.Select(id => engine.WaitForCompletionAsync(id, cancellationToken: timeout.Token)));
        clock.Stop();

        output.WriteLine($"100 concurrent offline sessions: {clock.Elapsed.TotalSeconds:F1} s, {100 / clock.Elapsed.TotalSeconds:F1} sessions/s on {Environment.ProcessorCount} cores");
        Assert.All(ended, s => Assert.Equal(SessionRuntimeStatus.Completed, s.Status));
    }

    public void Dispose() => _folder.Dispose();
}
