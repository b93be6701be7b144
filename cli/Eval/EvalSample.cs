using GenAgent.Core.Benchmarks;

namespace GenAgent.Cli.Eval;

/// <summary>One prompt's results: the bare generator and the agent at each image cap.</summary>
internal sealed record EvalSample(BenchmarkItem Item, bool Bare, IReadOnlyList<AgentAttempt> Agent);

/// <summary>One agent session in an evaluation, and how its own verdicts on its images compared with the evaluator's.</summary>
internal sealed record AgentAttempt(bool Passed, int ImagesUsed, bool SessionFailed, EyeTally? Eye = null);

/// <summary>
/// The agent's own verdict on each image (done = it saw no flaw; another call = it saw one) against the evaluator's:
/// images judged, flaws it missed (done on a failing image), false alarms (went on from a passing image).
/// </summary>
internal sealed record EyeTally(int Judged, int Missed, int FalseAlarms)
{
    public static EyeTally Sum(IEnumerable<EyeTally> tallies) =>
        tallies.Aggregate(new EyeTally(0, 0, 0), (a, b) => new EyeTally(a.Judged + b.Judged, a.Missed + b.Missed, a.FalseAlarms + b.FalseAlarms));
}
