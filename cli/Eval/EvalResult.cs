using System.Text.Json.Serialization;

namespace GenAgent.Cli.Eval;

/// <summary>
/// One finished sample, one line of <c>results.jsonl</c>: a configuration on one prompt, every image it made with the
/// judge's verdict, and what it cost. Image paths are relative to the run folder.
/// </summary>
internal sealed record EvalResult
{
    public required string Configuration { get; init; }
    public required int Index { get; init; }
    public required string Tag { get; init; }
    public required string Prompt { get; init; }
    /// <summary>How the session ended (<c>done</c>, <c>imageBudgetReached</c>, <c>fallback</c>, <c>failed</c>, ...); <c>bare</c> for the baseline.</summary>
    public required string Outcome { get; init; }
    public IReadOnlyList<EvalRound> Rounds { get; init; } = [];
    public string? Error { get; init; }
    public string? SessionId { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public decimal ToolCost { get; init; }
    public double Seconds { get; init; }

    [JsonIgnore]
    public string Key => KeyOf(Configuration, Index);

    public static string KeyOf(string configuration, int index) => $"{configuration}#{index}";

    /// <summary>The benchmark's number after round <paramref name="round"/>: the latest image made by then, 0 without one.</summary>
    public double ScoreAfter(int round) => Rounds.LastOrDefault(r => r.Round <= round)?.Score ?? 0;

    [JsonIgnore]
    public double Final => Rounds.Count == 0 ? 0 : Rounds[^1].Score;
}

/// <summary>
/// One image of a sample and its verdicts: the judge's, and the agent's own (<c>done</c> = it saw no flaw,
/// <c>continued</c> = it called a tool again, <c>none</c> = it gave none, as after its last allowed image).
/// </summary>
internal sealed record EvalRound
{
    public required int Round { get; init; }
    public required string Image { get; init; }
    public string? Tool { get; init; }
    public string AgentDecision { get; init; } = "none";
    public string? AgentJudgment { get; init; }
    public bool Pass { get; init; }
    public double Score { get; init; }
    public string? Reason { get; init; }
    public bool Unparsed { get; init; }
    /// <summary>The judge could not be asked (its retries ran out); <c>--resume</c> asks it again from the stored image.</summary>
    public bool JudgeFailed { get; init; }
    public int JudgeCalls { get; init; }
    public long JudgeInputTokens { get; init; }
    public long JudgeOutputTokens { get; init; }
}
