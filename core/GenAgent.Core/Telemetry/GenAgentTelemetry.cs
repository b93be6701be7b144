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
}
