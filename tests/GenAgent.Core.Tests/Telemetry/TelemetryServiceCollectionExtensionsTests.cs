using System.Diagnostics;
using GenAgent.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GenAgent.Core.Tests.Telemetry;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    [Fact]
    public void Wired_tracing_exports_session_spans_in_the_session_trace_and_metrics_are_provided()
    {
        var captured = new CapturingProcessor();
        var services = new ServiceCollection().AddGenAgentTelemetry("genagent-test", tracing: t => t.AddProcessor(captured));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());

        using (var span = GenAgentTelemetry.StartSessionActivity("agent_turn", "telemetry-wiring-session"))
            Assert.NotNull(span);

        var exported = Assert.Single(captured.Ended, a => Equals(a.GetTagItem(GenAgentTelemetry.SessionTag), "telemetry-wiring-session"));
        Assert.Equal("agent_turn", exported.OperationName);
        Assert.Equal(SessionTraceContext.For("telemetry-wiring-session").TraceId, exported.TraceId);
        Assert.Equal("genagent-test", provider.GetRequiredService<TracerProvider>().GetResource().Attributes
            .Single(a => a.Key == "service.name").Value);
    }

    private sealed class CapturingProcessor : BaseProcessor<Activity>
    {
        private readonly List<Activity> _ended = [];

        public IReadOnlyList<Activity> Ended
        {
            get { lock (_ended) return [.. _ended]; }
        }

        public override void OnEnd(Activity data)
        {
            lock (_ended) _ended.Add(data);
        }
    }
}
