namespace GenAgent.Core.Training.Rewards;

/// <summary>
/// A trajectory's reward and how it was reached: the final image's score (<see cref="Pointwise"/>, P), the share of
/// right decisions (<see cref="Pairwise"/>, Q), whether the protocol was broken (<see cref="FormatViolation"/>, F), the
/// weighted <see cref="Total"/>, and each decision with its verdict.
/// </summary>
public sealed record RewardBreakdown(
    string SessionId,
    double Total,
    double Pointwise,
    double Pairwise,
    bool FormatViolation,
    RewardWeights Weights,
    string Judge,
    IReadOnlyList<RewardDecision> Decisions);

/// <summary>What the agent did after seeing image <see cref="Round"/>, and whether that was right.</summary>
/// <param name="Round">The 1-based image the decision was taken on.</param>
/// <param name="Decision">stop (answered done) or refine (called a tool again).</param>
/// <param name="Correct">Stop: the image passes. Refine: the next image beats this one.</param>
/// <param name="Why">The verdict behind it, in words.</param>
public sealed record RewardDecision(int Round, string Decision, bool Correct, string Why);
