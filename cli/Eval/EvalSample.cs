using GenAgent.Core.Benchmarks;

namespace GenAgent.Cli.Eval;

/// <summary>One prompt's results: the bare generator and the agent at each image cap.</summary>
internal sealed record EvalSample(BenchmarkItem Item, bool Bare, IReadOnlyList<AgentAttempt> Agent);

/// <summary>One agent session in an evaluation.</summary>
internal sealed record AgentAttempt(bool Passed, int ImagesUsed, bool SessionFailed);
