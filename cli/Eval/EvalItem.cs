using GenAgent.Core.Benchmarks;
using GenAgent.Core.Judging;

namespace GenAgent.Cli.Eval;

/// <summary>One benchmark prompt: its position in the set (also its seed), its tag or category, and what the judge checks.</summary>
internal sealed record EvalItem(int Index, string Tag, string Prompt, BenchmarkItem? Checklist = null, string? Explanation = null)
{
    public JudgeRequest Request => new(Prompt, Checklist, Explanation);
}
