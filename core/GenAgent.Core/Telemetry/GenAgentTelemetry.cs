using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GenAgent.Core.Telemetry;

/// <summary>
/// The one ActivitySource and Meter of GenAgent. Hosts subscribe with OpenTelemetry
/// (<c>AddSource(GenAgentTelemetry.Name)</c>, <c>AddMeter(GenAgentTelemetry.Name)</c>); without a listener they cost nothing.
/// </summary>
public static class GenAgentTelemetry
{
    public const string Name = "GenAgent";

    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Model turns that reached the model (cached replies are not counted).</summary>
    public static Counter<long> ModelTurns { get; } = Meter.CreateCounter<long>("genagent.model.turns", description: "Agent model calls");

    /// <summary>Tool calls, tagged with the tool and the result (ok, cached, transient, permanent).</summary>
    public static Counter<long> ToolCalls { get; } = Meter.CreateCounter<long>("genagent.tool.calls", description: "Image tool calls");

    public static Histogram<double> ModelSeconds { get; } = Meter.CreateHistogram<double>("genagent.model.duration", "s", "Agent model call duration");

    public static Histogram<double> ToolSeconds { get; } = Meter.CreateHistogram<double>("genagent.tool.duration", "s", "Image tool call duration");

    public static Counter<long> TokensUsed { get; } = Meter.CreateCounter<long>("genagent.model.tokens", description: "Tokens, tagged input or output");

    /// <summary>Images made in one finished episode (the paper's interaction rounds), tagged with the outcome.</summary>
    public static Histogram<int> SessionRounds { get; } = Meter.CreateHistogram<int>("genagent.session.rounds", "{round}", "Rounds per session episode");

    /// <summary>Agent-model tokens (input and output) one finished episode spent, tagged with the outcome.</summary>
    public static Histogram<long> SessionTokens { get; } = Meter.CreateHistogram<long>("genagent.session.tokens", "{token}", "Tokens per session episode");

    /// <summary>Seconds inside the image tools (the GPU-seconds budget) one finished episode spent.</summary>
    public static Histogram<double> SessionToolSeconds { get; } = Meter.CreateHistogram<double>("genagent.session.tool_seconds", "s", "Tool seconds per session episode");

    /// <summary>Tool cost of one finished episode, in the unit the backends report (the OpenAI images backend: US dollars).</summary>
    public static Histogram<double> SessionCost { get; } = Meter.CreateHistogram<double>("genagent.session.cost", description: "Tool cost per session episode");

    /// <summary>The tag every GenAgent span carries: the session (orchestration instance) id, the correlation id of a run.</summary>
    public const string SessionTag = "genagent.session";

    /// <summary>
    /// Starts a span of session <paramref name="sessionId"/>. Its trace id is derived from the session id
    /// (<see cref="SessionTraceContext"/>), so every span of one session lands in one trace although each activity runs
    /// in its own work item, maybe on another machine; a span that was current when this one started (a Functions
    /// invocation, an HTTP request) is linked rather than made the parent.
    /// </summary>
    public static Activity? StartSessionActivity(string name, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (!Source.HasListeners()) return null;
        var links = Activity.Current is { } ambient ? new[] { new ActivityLink(ambient.Context) } : null;
        var tags = new[] { new KeyValuePair<string, object?>(SessionTag, sessionId) };
        return Source.StartActivity(name, ActivityKind.Internal, SessionTraceContext.For(sessionId), tags, links);
    }
}
