using GenAgent.Core.Judging;
using GenAgent.Core.Sessions;

namespace GenAgent.Workflow.Activities;

/// <summary>
/// The model's verdict. <see cref="Winner"/> is null when neither the first reply nor the one after the correction
/// named a winner; the orchestrator then falls back to its fixed rule. <see cref="RawText"/> is the last reply.
/// </summary>
public sealed record CompareImagesResult(ComparisonChoice? Winner, string? Reasoning, string RawText, bool Corrected, TokenUsage? Usage, double Seconds);
