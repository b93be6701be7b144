using GenAgent.Core.Sessions;
using GenAgent.Core.Telemetry;
using Microsoft.Extensions.AI;

namespace GenAgent.Workflow.Activities;

/// <summary>What one model call cost, recorded in the metrics and returned for the trajectory.</summary>
internal static class ModelUsage
{
    public static TokenUsage? Record(ChatResponse response)
    {
        GenAgentTelemetry.ModelTurns.Add(1);
        if (response.Usage is not { } tokens) return null;
        GenAgentTelemetry.TokensUsed.Add(tokens.InputTokenCount ?? 0, new KeyValuePair<string, object?>("direction", "input"));
        GenAgentTelemetry.TokensUsed.Add(tokens.OutputTokenCount ?? 0, new KeyValuePair<string, object?>("direction", "output"));
        return new TokenUsage(tokens.InputTokenCount ?? 0, tokens.OutputTokenCount ?? 0);
    }
}
