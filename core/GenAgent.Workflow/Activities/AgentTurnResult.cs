using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Activities;

/// <summary>The assistant text as received, what it cost in tokens, and how long the model took.</summary>
public sealed record AgentTurnResult(string Text, TokenUsage? Usage, double Seconds);
