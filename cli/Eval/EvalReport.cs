namespace GenAgent.Cli.Eval;

/// <summary>The result of <c>genagent eval</c>; <see cref="Overall"/> is the mean of the tag accuracies, as GenEval++ scores.</summary>
internal sealed record EvalReport(
    string Benchmark,
    int Prompts,
    string Size,
    IReadOnlyList<int> Caps,
    IReadOnlyList<EvalRow> Tags,
    EvalRow Overall,
    IReadOnlyList<double> MeanImagesUsed,
    int FailedSessions,
    EyeTally AgentEye);
