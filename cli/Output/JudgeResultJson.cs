using GenAgent.Core.Judging;

namespace GenAgent.Cli.Output;

/// <summary>What <c>genagent judge --json</c> prints.</summary>
internal sealed record JudgeResultJson(bool Pass, string Judge, string Prompt, IReadOnlyList<CheckOutcome> Checks);
