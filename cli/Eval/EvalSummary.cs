namespace GenAgent.Cli.Eval;

/// <summary>
/// <c>summary.json</c>: every configuration's scores per tag and per round, what it spent, and where the paper reports
/// a number for the same configuration, that number. Scores are in [0, 1].
/// </summary>
internal sealed record EvalSummary(
    string Benchmark,
    string Judge,
    bool Simulated,
    string Size,
    int MaxImages,
    int Prompts,
    int Samples,
    int Pending,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ConfigurationSummary> Configurations,
    EvalTotals Totals,
    IReadOnlyList<string> Warnings);

/// <summary>
/// One configuration. <see cref="ByRound"/>[r-1] is the overall score after round r (the latest image by then), so the
/// last entry is the final score; a baseline has one round.
/// </summary>
internal sealed record ConfigurationSummary(
    string Name,
    string Agent,
    string Generator,
    bool Bare,
    int Samples,
    double Overall,
    IReadOnlyList<double> ByRound,
    IReadOnlyList<TagSummary> Tags,
    double MeanImages,
    IReadOnlyList<int> ImagesHistogram,
    IReadOnlyDictionary<string, int> Outcomes,
    EyeTally AgentEye,
    int Unparsed,
    int JudgeFailures,
    PaperNumber? Paper);

internal sealed record TagSummary(string Tag, int Prompts, double Final, IReadOnlyList<double> ByRound, double MeanImages);

/// <summary>The paper's number for a matching configuration, with what it is.</summary>
internal sealed record PaperNumber(double Value, string What);

/// <summary>
/// The agent's own verdict on each image (done = it saw no flaw; another call = it saw one) against the judge's:
/// images it gave a verdict on, flaws it missed (done on a failing image), false alarms (went on from a passing image).
/// </summary>
internal sealed record EyeTally(int Judged, int Missed, int FalseAlarms);

/// <summary>What the samples spent, and this invocation's sample rate.</summary>
internal sealed record EvalTotals(
    long AgentInputTokens,
    long AgentOutputTokens,
    decimal ToolCost,
    int Images,
    int JudgeCalls,
    long JudgeInputTokens,
    long JudgeOutputTokens,
    double SampleSeconds,
    int SamplesThisRun,
    double WallSecondsThisRun,
    double SamplesPerSecond);
