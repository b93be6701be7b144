namespace GenAgent.Cli.Eval;

/// <summary>
/// What a run measures, kept as <c>run.json</c> in the run folder so <c>--resume</c> continues exactly that run.
/// <see cref="RejudgeOf"/> names the run whose stored images a re-judging run scores again.
/// </summary>
internal sealed record EvalPlan(
    string Benchmark,
    string BenchmarkPath,
    bool IsWise,
    string Judge,
    int Width,
    int Height,
    int MaxImages,
    int? Limit,
    IReadOnlyList<EvalConfiguration> Configurations,
    string? RejudgeOf = null)
{
    public const string FileName = "run.json";

    public string Size => $"{Width}x{Height}";
}
