using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using GenAgent.Core.Sessions;
using GenAgent.Core.Telemetry;
using GenAgent.Workflow.Tests.Fakes;

namespace GenAgent.Workflow.Tests.Orchestrations;

[Collection(TelemetryCollection.Name)]
public sealed class SessionTelemetryTests
{
    [Fact]
    public async Task One_offline_session_yields_its_spans_in_one_trace_and_its_round_and_cost_metrics()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GenAgentTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GenAgentTelemetry.Name) l.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.Start();

        await using var h = await SessionHarness.StartAsync(Replies.Generate("one"), Replies.Generate("two", judge: "wrong count"), Replies.Done());
        var snapshot = await h.RunAsync();
        var id = snapshot.SessionId;
        Assert.Equal(OutcomeKind.Done, snapshot.Trajectory!.Outcome!.Kind);

        var mine = spans.Where(s => Equals(s.GetTagItem(GenAgentTelemetry.SessionTag), id)).ToList();
        Assert.Equal(3, mine.Count(s => s.OperationName == "agent_turn"));
        Assert.Equal(2, mine.Count(s => s.OperationName == "image_generation_tool"));
        var session = Assert.Single(mine, s => s.OperationName == "session");
        Assert.Equal(2, session.GetTagItem("genagent.rounds"));
        Assert.Equal(nameof(OutcomeKind.Done), session.GetTagItem("genagent.outcome"));
        var trace = SessionTraceContext.For(id);
        Assert.All(mine, s => Assert.Equal(trace.TraceId, s.TraceId));
        Assert.All(mine, s => Assert.Equal(trace.SpanId, s.ParentSpanId));

        var rounds = Assert.Single(measurements, m => m.Instrument == "genagent.session.rounds");
        Assert.Equal(2, rounds.Value);
        Assert.Equal(nameof(OutcomeKind.Done), rounds.Tags["outcome"]);
        Assert.Equal(360, Assert.Single(measurements, m => m.Instrument == "genagent.session.tokens").Value);
        Assert.Equal(0.02, Assert.Single(measurements, m => m.Instrument == "genagent.session.cost").Value, precision: 6);
        Assert.Single(measurements, m => m.Instrument == "genagent.session.tool_seconds");
        Assert.Equal(2, measurements.Count(m => m.Instrument == "genagent.tool.duration"));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }
}
