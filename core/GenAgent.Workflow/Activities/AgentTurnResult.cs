using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Activities;

/// <summary>The assistant text as received, what it cost in tokens, how long the model took, and its sampled tokens when asked for.</summary>
public sealed record AgentTurnResult(string Text, TokenUsage? Usage, double Seconds, SampledTokens? Sampled = null);
