using GenAgent.Core.Quotas;
using GenAgent.Core.Sessions;
using GenAgent.Workflow.Quotas;
using GenAgent.Workflow.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GenAgent.Workflow.Tests.Quotas;

public sealed class SessionAdmissionExtensionsTests
{
    private static readonly SessionRequest Request = new("a red cube", new SessionOptions { Width = 64, Height = 64 });

    /// <summary>Admission as a host registers it: limits bound from configuration.</summary>
    private static (ServiceProvider Services, ISessionAdmission Admission) Configured(int maxGlobal)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{AdmissionOptions.Section}:MaxConcurrentGlobal"] = maxGlobal.ToString() })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddGenAgentAdmission().BuildServiceProvider();
        return (services, services.GetRequiredService<ISessionAdmission>());
    }

    [Fact]
    public async Task The_slot_is_released_once_the_session_completes()
    {
        var (services, admission) = Configured(maxGlobal: 1);
        await using var _ = services;
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a red cube"), Replies.Done());
        Assert.True((await admission.TryAdmitAsync("ana", "admitted-1")).Admitted);
        Assert.Equal(AdmissionLimit.Global, (await admission.TryAdmitAsync("bob", "admitted-2")).Limit);

        await h.Engine.StartAsync(Request, "admitted-1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await admission.ReleaseWhenCompletedAsync(h.Engine, "ana", "admitted-1", timeout.Token);

        Assert.Empty(await ((IAdmissionLedger)admission).ListAdmittedAsync());
        Assert.True((await admission.TryAdmitAsync("bob", "admitted-2")).Admitted);
    }

    [Fact]
    public async Task The_sweep_frees_ended_and_unknown_sessions_and_keeps_running_ones()
    {
        var (services, admission) = Configured(maxGlobal: 10);
        await using var _ = services;
        await using var h = await SessionHarness.StartAsync(Replies.Generate("a red cube"), Replies.Done(), Replies.Done());
        h.Agent.HoldFirstCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            foreach (var id in new[] { "running", "ended", "never-started" }) await admission.TryAdmitAsync(null, id);
            await h.Engine.StartAsync(Request, "running");
            await h.Agent.FirstCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await h.Engine.StartAsync(Request with { Options = Request.Options with { Effort = Effort.Low } }, "ended");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await h.Engine.WaitForCompletionAsync("ended", cancellationToken: timeout.Token);

            var withinGrace = await admission.ReleaseEndedSessionsAsync(h.Engine);
            var afterGrace = await admission.ReleaseEndedSessionsAsync(h.Engine, startGrace: TimeSpan.Zero);

            Assert.Equal(["ended"], withinGrace);
            Assert.Equal(["never-started"], afterGrace);
            var left = await ((IAdmissionLedger)admission).ListAdmittedAsync();
            Assert.Equal("running", Assert.Single(left).SessionId);
        }
        finally
        {
            h.Agent.HoldFirstCall.TrySetResult();
        }
    }
}
